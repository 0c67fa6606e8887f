package io.crossdock.edi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.crossdock.edi.ReceivedAcknowledgment.ElementNote;
import io.crossdock.edi.ReceivedAcknowledgment.SegmentNote;
import io.crossdock.edi.ReceivedAcknowledgment.Status;
import org.junit.jupiter.api.Test;

/** What partners' 997s and 999s (the conformance files) say about the groups we sent them. */
class ReceivedAcknowledgmentTest {

    private static final Path X12 = EdiReaderConformanceTest.X12;

    /**
     * The file's AK1-01 and AK4-02 break their length and type (the reader reports both against
     * mappings/x12/997.schema.xml, so the live path refuses this 997); what it says is read as written.
     */
    @Test
    void a997RejectingASetNamesTheSegmentTheElementAndTheBadValue() throws Exception {
        ReceivedAcknowledgment ack = ReceivedAcknowledgment.of(only(X12.resolve("997_invalid_code_and_numeric.edi")));

        assertThat(ack.type()).isEqualTo("997");
        assertThat(ack.functionalId()).isEqualTo("HC NOT IN CODESET");
        assertThat(ack.groupControlNumber()).isEqualTo("000001");
        assertThat(ack.groupStatus()).isEqualTo(Status.REJECTED);
        assertThat(List.of(ack.setsIncluded(), ack.setsReceived(), ack.setsAccepted())).containsExactly(1, 1, 0);
        assertThat(ack.sets()).singleElement().satisfies(set -> {
            assertThat(set.type()).isEqualTo("837");
            assertThat(set.controlNumber()).isEqualTo("0021");
            assertThat(set.status()).isEqualTo(Status.REJECTED);
            assertThat(set.errors()).containsExactly("one or more segments in error");
            assertThat(set.segments()).containsExactly(new SegmentNote("NM1", "8", "", "segment has data element errors",
                    List.of(new ElementNote("8", "66 NON NUMERIC", "invalid code value", "MI")), List.of()));
        });
        assertThat(ack.summary()).isEqualTo("997 for group 000001 (HC NOT IN CODESET): rejected, 0 of 1 transaction set(s) accepted;"
                + " 837 0021 rejected, one or more segments in error, NM1 at 8: segment has data element errors,"
                + " element 8 (66 NON NUMERIC) invalid code value 'MI'");
    }

    @Test
    void a999PartlyAcceptingAGroupSaysWhichSetsWereRefusedAndWhereWithContext() throws Exception {
        ReceivedAcknowledgment ack = ReceivedAcknowledgment.of(only(X12.resolve("999_partial_accept_ik3_ik4_ctx.edi")));

        assertThat(ack.type()).isEqualTo("999");
        assertThat(ack.functionalId()).isEqualTo("HC");
        assertThat(ack.groupControlNumber()).isEqualTo("17456");
        assertThat(ack.groupStatus()).isEqualTo(Status.PARTIALLY_ACCEPTED);
        assertThat(List.of(ack.setsIncluded(), ack.setsReceived(), ack.setsAccepted())).containsExactly(3, 3, 1);
        assertThat(ack.sets()).extracting(set -> set.controlNumber() + " " + set.status())
                .containsExactly("0001 ACCEPTED", "0002 REJECTED", "0003 REJECTED");
        assertThat(ack.sets().get(1).segments()).containsExactly(new SegmentNote("CLM", "22", "", "segment has data element errors",
                List.of(new ElementNote("2", "782", "required data element missing", "")), List.of("CLM01:123456789")));
        SegmentNote ref = ack.sets().get(2).segments().get(0);
        assertThat(ref.segment()).isEqualTo("REF");
        assertThat(ref.position()).isEqualTo("57");
        assertThat(ref.error()).isEqualTo("mandatory segment missing");
        assertThat(ref.context()).hasSize(2).last().isEqualTo("CLM01:987654321");
        assertThat(ack.summary()).startsWith("999 for group 17456 (HC): partially accepted, 1 of 3 transaction set(s) accepted;"
                + " 837 0002 rejected, one or more segments in error, CLM at 22");
    }

    @Test
    void anythingButAnAcknowledgmentIsRefusedByName() throws Exception {
        assertThatThrownBy(() -> ReceivedAcknowledgment.of(only(X12.resolve("855_po_ack_line_items.edi"))))
                .hasMessageContaining("is a 855, not a 997 or 999");
    }

    private static EdiTransaction only(Path file) throws Exception {
        List<EdiTransaction> transactions = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            new EdiReader().read(in, transactions::add);
        }
        assertThat(transactions).hasSize(1);
        return transactions.get(0);
    }
}
