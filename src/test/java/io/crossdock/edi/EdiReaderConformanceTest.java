package io.crossdock.edi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.crossdock.edi.EdiReader.ReadSummary;
import org.junit.jupiter.api.Test;

/**
 * Every real file in ../shared/conformance/x12 and /edifact, read for its envelopes and
 * transactions, with the exact errors the reader must find. (Transaction-level checks against
 * document schemas and the acknowledgments come on top of this reader.)
 */
class EdiReaderConformanceTest {

    static final Path X12 = Path.of("../shared/conformance/x12");
    static final Path EDIFACT = Path.of("../shared/conformance/edifact");

    @Test
    void twoInvoicesInOneGroupAreTwoValidTransactions() throws Exception {
        Read read = read(X12.resolve("810_two_invoices_one_group.edi"));
        assertThat(read.transactions()).extracting(EdiTransaction::type, EdiTransaction::controlNumber)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("810", "000000001"),
                        org.assertj.core.groups.Tuple.tuple("810", "000000002"));
        assertThat(read.allErrors()).isEmpty();
        assertThat(read.summary().groups()).singleElement().extracting(FunctionalGroup::functionalId).isEqualTo("IN");
    }

    @Test
    void aLineFeedSegmentTerminatorIsDetectedFromTheIsa() throws Exception {
        Read read = read(X12.resolve("850_newline_segment_terminator.edi"));
        assertThat(read.summary().interchanges().get(0).delimiters()).containsValue('\n');
        assertThat(read.transactions()).singleElement().satisfies(t -> {
            assertThat(t.type()).isEqualTo("850");
            assertThat(t.controlNumber()).isEqualTo("8830");
            assertThat(t.segments().get(1).tag()).isEqualTo("BEG");
        });
        assertThat(read.allErrors()).isEmpty();
    }

    @Test
    void theVicsPurchaseOrderIsValidWithAllItsSegments() throws Exception {
        Read read = read(X12.resolve("850_vics_4010_po.edi"));
        EdiTransaction po = read.transactions().get(0);
        assertThat(po.version()).isEqualTo("004010VICS");
        assertThat(po.segments()).hasSize(33); // SE01 counts ST..SE: 33
        assertThat(po.segments().get(1).element(3)).isEqualTo("08292233294");
        Envelope isa = read.summary().interchanges().get(0);
        assertThat(isa.senderId()).isEqualTo("4405197800");
        assertThat(isa.receiverId()).isEqualTo("999999999");
        assertThat(isa.interchangeControlNumber()).isEqualTo("000003438");
        assertThat(read.allErrors()).isEmpty();
    }

    @Test
    void anAcknowledgmentWithLineItemsIsValid() throws Exception {
        Read read = read(X12.resolve("855_po_ack_line_items.edi"));
        assertThat(read.transactions()).singleElement().extracting(EdiTransaction::type).isEqualTo("855");
        assertThat(read.allErrors()).isEmpty();
    }

    @Test
    void aRepetitionSeparatorIsReadFromIsa11InVersion00406() throws Exception {
        Read read = read(X12.resolve("856_asn_sohi.edi"));
        assertThat(read.summary().interchanges().get(0).version()).isEqualTo("00406");
        assertThat(read.summary().interchanges().get(0).delimiters()).containsValue('-');
        assertThat(read.transactions()).singleElement().extracting(EdiTransaction::version).isEqualTo("004060");
        assertThat(read.allErrors()).isEmpty();
    }

    @Test
    void aFileWithoutItsFinalLineFeedIsStillComplete() throws Exception {
        Read read = read(X12.resolve("940_warehouse_shipping_order.edi"));
        assertThat(read.summary().readable()).isTrue();
        assertThat(read.transactions()).singleElement().extracting(EdiTransaction::type).isEqualTo("940");
        assertThat(read.allErrors()).isEmpty();
    }

    @Test
    void functionalAcknowledgmentsAreReadAsTransactionsWithTheirImplementationVersion() throws Exception {
        EdiTransaction invalid = read(X12.resolve("997_invalid_code_and_numeric.edi")).transactions().get(0);
        assertThat(invalid.type()).isEqualTo("997");
        assertThat(invalid.version()).isEqualTo("005010X230");
        // Checked against mappings/x12/997.schema.xml: AK101 is a two-letter code, AK402 a number.
        assertThat(invalid.errors()).extracting(EdiError::segmentTag, EdiError::segmentPosition, EdiError::elementPosition,
                        EdiError::code, EdiError::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("AK1", 4, 1, "DATA_ELEMENT_TOO_LONG", "HC NOT IN CODESET"),
                        org.assertj.core.groups.Tuple.tuple("AK4", 7, 2, "DATA_ELEMENT_TOO_LONG", "66 NON NUMERIC"),
                        org.assertj.core.groups.Tuple.tuple("AK4", 7, 2, "INVALID_CHARACTER_DATA", "66 NON NUMERIC"));
        Read partial = read(X12.resolve("999_partial_accept_ik3_ik4_ctx.edi"));
        assertThat(partial.transactions()).singleElement()
                .extracting(EdiTransaction::type, EdiTransaction::controlNumber, EdiTransaction::version)
                .containsExactly("999", "2870001", "005010X231");
        assertThat(partial.allErrors()).isEmpty();
    }

    @Test
    void mismatchedControlNumbersAreNamedAtEveryLevel() throws Exception {
        Read read = read(X12.resolve("control_numbers_mismatch_st_gs_isa.edi"));
        assertThat(read.transactions().get(0).errors()).singleElement().satisfies(error -> {
            assertThat(error.code()).isEqualTo("CONTROL_REFERENCE_MISMATCH");
            assertThat(error.toString()).contains("segment 7 (SE), element SE02").contains("'0002'");
        });
        assertThat(read.summary().envelopeErrors()).extracting(EdiError::segmentTag, EdiError::elementPosition,
                        EdiError::code, EdiError::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("GE", 2, "CONTROL_REFERENCE_MISMATCH", "3315"),
                        org.assertj.core.groups.Tuple.tuple("IEA", 2, "CONTROL_REFERENCE_MISMATCH", "000003439"));
    }

    @Test
    void twoInterchangesInOneFileAreBothReadAndTheirUnpaddedTrailersReported() throws Exception {
        Read read = read(X12.resolve("two_interchanges_multi_groups.edi"));
        assertThat(read.summary().interchanges()).hasSize(2);
        assertThat(read.summary().groups()).hasSize(4);
        assertThat(read.transactions()).hasSize(6).allSatisfy(t -> assertThat(t.errors()).isEmpty());
        // ST02 0001 in every group is legal; IEA02 "3438" is not ISA13 "000003438" (compared as written).
        assertThat(read.summary().envelopeErrors()).filteredOn(e -> e.code().equals("CONTROL_REFERENCE_MISMATCH"))
                .extracting(EdiError::segmentTag, EdiError::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("IEA", "3438"),
                        org.assertj.core.groups.Tuple.tuple("IEA", "3439"));
    }

    @Test
    void aCharacterOutsideTheDeclaredUnoaSetIsReportedAndNotAltered() throws Exception {
        Read read = read(EDIFACT.resolve("INVOIC_D97B_basic.edi"));
        EdiTransaction invoice = read.transactions().get(0);
        assertThat(invoice.type()).isEqualTo("INVOIC");
        assertThat(invoice.version()).isEqualTo("D:97B:UN");
        assertThat(invoice.errors()).singleElement().satisfies(error -> {
            assertThat(error.code()).isEqualTo("INVALID_CHARACTER_DATA");
            assertThat(error.toString()).contains("(NAD), element NAD04").contains("'Ü' is outside UNOA");
            assertThat(error.value()).isEqualTo("BÜTTNER WIDGET COMPANY");
        });
    }

    @Test
    void aTruncatedInterchangeKeepsItsCompleteMessageAndIsReportedTruncated() throws Exception {
        Read read = read(EDIFACT.resolve("ORDERS_D96A_una_decimal_comma_missing_unz.edi"));
        assertThat(read.summary().interchanges().get(0).delimiters()).containsValue(',');
        assertThat(read.transactions()).singleElement().extracting(EdiTransaction::type).isEqualTo("ORDERS");
        assertThat(read.summary().fatal()).isNotNull();
        assertThat(read.summary().fatal().code()).isEqualTo("TRUNCATED");
        // UNOA:4 declares syntax 4, whose dates have 8 digits.
        assertThat(read.summary().envelopeErrors()).extracting(EdiError::segmentTag, EdiError::elementPosition,
                        EdiError::componentPosition, EdiError::code)
                .contains(org.assertj.core.groups.Tuple.tuple("UNB", 4, 1, "DATA_ELEMENT_TOO_SHORT"));
    }

    @Test
    void aWrongMessageSegmentCountInAGroupIsNamed() throws Exception {
        Read read = read(EDIFACT.resolve("ORDERS_D96B_ung_une_group_bad_unt.edi"));
        assertThat(read.summary().groups()).singleElement().extracting(FunctionalGroup::functionalId)
                .isEqualTo("ORDERS");
        EdiTransaction orders = read.transactions().get(0);
        assertThat(orders.group()).isNotNull();
        assertThat(orders.errors()).filteredOn(e -> e.segmentTag().equals("UNT")).singleElement()
                .satisfies(error -> {
                    assertThat(error.code()).isEqualTo("CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT");
                    assertThat(error.value()).isEqualTo("21");
                });
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheInterchange() throws Exception {
        byte[] file = Files.readAllBytes(X12.resolve("850_vics_4010_po.edi"));
        byte[] withBom = new byte[file.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(file, 0, withBom, 3, file.length);
        List<EdiTransaction> transactions = new ArrayList<>();
        ReadSummary summary = new EdiReader().read(new java.io.ByteArrayInputStream(withBom), transactions::add);
        assertThat(summary.readable()).isTrue();
        assertThat(transactions).singleElement().satisfies(t -> assertThat(t.errors()).isEmpty());
    }

    @Test
    void somethingThatIsNotEdiIsUnreadableWithTheReason() throws Exception {
        ReadSummary summary = new EdiReader().read(
                new java.io.ByteArrayInputStream("<invoice>not EDI</invoice>".getBytes()), t -> { });
        assertThat(summary.readable()).isFalse();
        assertThat(summary.fatal().code()).isEqualTo("UNREADABLE");
        assertThat(summary.fatal().reason()).isNotBlank();
    }

    private static Read read(Path file) throws Exception {
        List<EdiTransaction> transactions = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            ReadSummary summary = new EdiReader().read(in, transactions::add);
            return new Read(summary, transactions);
        }
    }

    record Read(ReadSummary summary, List<EdiTransaction> transactions) {
        List<EdiError> allErrors() {
            List<EdiError> all = new ArrayList<>(summary.envelopeErrors());
            transactions.forEach(t -> all.addAll(t.errors()));
            if (summary.fatal() != null) {
                all.add(summary.fatal());
            }
            return all;
        }
    }
}
