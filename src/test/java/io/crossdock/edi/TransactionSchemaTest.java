package io.crossdock.edi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The business documents' transaction schemas (mappings/x12/850.schema.xml, ...) catch what breaks
 * the standard inside a transaction, each error at its segment and element, and the partner is told
 * so in its 997 or CONTRL. The conformance files themselves pass (EdiReaderConformanceTest).
 */
class TransactionSchemaTest {

    private static final Path X12 = EdiReaderConformanceTest.X12;
    private static final Path EDIFACT = EdiReaderConformanceTest.EDIFACT;

    @TempDir
    Path dir;

    @Test
    void aPurchaseOrderWithAnUnknownPurposeAndAnOverlongNumberIsRejectedByElement() throws Exception {
        Path broken = copy(X12.resolve("850_vics_4010_po.edi"), "850_vics_4010_po.edi", "BEG*00*SA*08292233294**",
                "BEG*XX*SA*0829223329412345678901234**");
        EdiTransaction po = only(broken);

        assertThat(po.errors()).extracting(EdiError::code, EdiError::segmentTag, EdiError::elementPosition)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("INVALID_CODE_VALUE", "BEG", 1),
                        org.assertj.core.groups.Tuple.tuple("DATA_ELEMENT_TOO_LONG", "BEG", 3));
        String ack = FunctionalAcknowledgmentTest.acknowledge(broken);
        assertThat(ack).contains("AK3*BEG*2**8~").contains("AK4*1*353*7*XX~").contains("AK4*3*324*5*0829223329412345678901234~")
                .contains("AK5*R*5~");
    }

    @Test
    void aPurchaseOrderWithoutItsBeginningSegmentIsRejected() throws Exception {
        Path broken = copy(X12.resolve("850_vics_4010_po.edi"), "850_vics_4010_po.edi", "BEG*00*SA*08292233294**20101127*610385385~",
                "");
        assertThat(only(broken).errors()).extracting(EdiError::code, EdiError::segmentTag)
                .contains(org.assertj.core.groups.Tuple.tuple("MANDATORY_SEGMENT_MISSING", "BEG"));
    }

    @Test
    void aShipNoticeWithAnUnknownHierarchicalLevelIsRejectedAtThatLevel() throws Exception {
        Path broken = copy(X12.resolve("856_asn_sohi.edi"), "856_asn_sohi.edi", "HL*2*1*O", "HL*2*1*XX");
        assertThat(only(broken).errors()).singleElement().satisfies(error -> {
            assertThat(error.code()).isEqualTo("INVALID_CODE_VALUE");
            assertThat(error.segmentTag()).isEqualTo("HL");
            assertThat(error.elementPosition()).isEqualTo(3);
            assertThat(error.value()).isEqualTo("XX");
        });
    }

    @Test
    void anEdifactInvoiceWithADateAfterItsPartiesIsRefusedInItsControlMessage() throws Exception {
        String invoic = Files.readString(EDIFACT.resolve("INVOIC_D97B_basic.edi"), StandardCharsets.ISO_8859_1);
        int firstNad = invoic.indexOf("NAD+");
        String moved = invoic.substring(0, firstNad) + invoic.substring(firstNad).replaceFirst("'", "'DTM+35:20261122:102'");
        List<EdiTransaction> read = new ArrayList<>();
        new EdiReader().read(new ByteArrayInputStream(moved.getBytes(StandardCharsets.ISO_8859_1)), read::add);

        assertThat(read.get(0).errors()).extracting(EdiError::code, EdiError::segmentTag)
                .contains(org.assertj.core.groups.Tuple.tuple("UNEXPECTED_SEGMENT", "DTM"));
    }

    @Test
    void theDocumentsWeWriteOurselvesPassTheirSchemas() throws Exception {
        // The 855 that OutboundTransactionTest writes and the conformance 810/855 partners send: no error once checked.
        for (String file : List.of("810_two_invoices_one_group.edi", "855_po_ack_line_items.edi", "850_newline_segment_terminator.edi")) {
            List<EdiTransaction> read = new ArrayList<>();
            new EdiReader().read(Files.newInputStream(X12.resolve(file)), read::add);
            assertThat(read).as(file).isNotEmpty().allSatisfy(transaction -> assertThat(transaction.errors()).as(file).isEmpty());
        }
    }

    private Path copy(Path source, String name, String from, String to) throws Exception {
        String text = Files.readString(source, StandardCharsets.ISO_8859_1);
        assertThat(text).as("the conformance file still holds " + from).contains(from);
        return Files.writeString(dir.resolve(name), text.replace(from, to), StandardCharsets.ISO_8859_1);
    }

    private static EdiTransaction only(Path file) throws Exception {
        List<EdiTransaction> read = new ArrayList<>();
        new EdiReader().read(Files.newInputStream(file), read::add);
        assertThat(read).hasSize(1);
        return read.get(0);
    }
}
