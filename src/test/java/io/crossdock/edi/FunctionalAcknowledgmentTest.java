package io.crossdock.edi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import io.crossdock.edi.FunctionalAcknowledgment.Numbers;
import io.crossdock.edi.FunctionalAcknowledgment.OurIdentity;
import io.crossdock.edi.FunctionalAcknowledgment.ReceivedGroup;
import org.junit.jupiter.api.Test;

class FunctionalAcknowledgmentTest {

    static final OurIdentity US = new OurIdentity("ZZ", "CROSSDOCK", "CROSSDOCK");
    static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 22, 14, 30);

    @Test
    void aGroupWithMismatchedControlNumbersIsRejectedSayingWhy() throws Exception {
        String ack = acknowledge(EdiReaderConformanceTest.X12.resolve("control_numbers_mismatch_st_gs_isa.edi"));
        assertThat(segments(ack)).containsSubsequence(
                "ST*997*0001",
                "AK1*OW*3314",
                "AK2*940*0001",
                "AK5*R*3",            // SE02 does not repeat ST02
                "AK9*R*1*1*0*4",      // GE02 does not repeat GS06
                "SE*6*0001");
        assertThat(ack).startsWith("ISA*00*          *00*          *ZZ*CROSSDOCK      *ZZ*ABCDEFGHIJKLMNO*261122*1430*U*00400*000000017*0*P*>~");
        assertThat(segments(ack)).contains("GS*FA*CROSSDOCK*7705551212*20261122*1430*42*X*004010", "GE*1*42",
                "IEA*1*000000017");
    }

    @Test
    void aCleanGroupIsAcceptedSetBySet() throws Exception {
        String ack = acknowledge(EdiReaderConformanceTest.X12.resolve("810_two_invoices_one_group.edi"));
        assertThat(segments(ack)).containsSubsequence("AK1*IN*1", "AK2*810*000000001", "AK5*A",
                "AK2*810*000000002", "AK5*A", "AK9*A*2*2*2", "SE*8*0001");
    }

    @Test
    void theAcknowledgmentItselfIsAValidInterchange() throws Exception {
        String ack = acknowledge(EdiReaderConformanceTest.X12.resolve("control_numbers_mismatch_st_gs_isa.edi"));
        List<EdiTransaction> read = new ArrayList<>();
        var summary = new EdiReader().read(new ByteArrayInputStream(ack.getBytes(StandardCharsets.US_ASCII)), read::add);
        assertThat(summary.envelopeErrors()).isEmpty();
        assertThat(read).singleElement().satisfies(t -> {
            assertThat(t.type()).isEqualTo("997");
            assertThat(t.errors()).isEmpty();
        });
    }

    @Test
    void aPartnerAskingFor999GetsTheImplementationAcknowledgment() throws Exception {
        String ack = acknowledge999(EdiReaderConformanceTest.X12.resolve("control_numbers_mismatch_st_gs_isa.edi"));
        assertThat(segments(ack)).containsSubsequence(
                "GS*FA*CROSSDOCK*7705551212*20261122*1430*42*X*005010X231A1",
                "ST*999*0001*005010X231A1",
                "AK1*OW*3314*004010",  // AK103: the version the group was sent in
                "AK2*940*0001",
                "IK5*R*3",
                "AK9*R*1*1*0*4",
                "SE*6*0001");
        List<EdiTransaction> read = new ArrayList<>();
        var summary = new EdiReader().read(new ByteArrayInputStream(ack.getBytes(StandardCharsets.US_ASCII)), read::add);
        assertThat(summary.envelopeErrors()).isEmpty();
        assertThat(read).singleElement().satisfies(t -> assertThat(t.type()).isEqualTo("999"));
    }

    @Test
    void anAcknowledgmentIsNeverAcknowledged() throws Exception {
        assertThatThrownBy(() -> acknowledge(EdiReaderConformanceTest.X12.resolve("997_invalid_code_and_numeric.edi")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("never acknowledged");
    }

    static String acknowledge(Path file) throws Exception {
        return new String(FunctionalAcknowledgment.write(received(file), US, new Numbers(17, 42), NOW), StandardCharsets.US_ASCII);
    }

    static String acknowledge999(Path file) throws Exception {
        return new String(FunctionalAcknowledgment.write999(received(file), US, new Numbers(17, 42), NOW), StandardCharsets.US_ASCII);
    }

    private static ReceivedGroup received(Path file) throws Exception {
        List<EdiTransaction> transactions = new ArrayList<>();
        EdiReader.ReadSummary summary;
        try (InputStream in = Files.newInputStream(file)) {
            summary = new EdiReader().read(in, transactions::add);
        }
        List<EdiError> groupErrors = summary.envelopeErrors().stream()
                .filter(e -> "GS".equals(e.segmentTag()) || "GE".equals(e.segmentTag())).toList();
        return new ReceivedGroup(summary.interchanges().get(0), summary.groups().get(0), transactions, groupErrors);
    }

    static List<String> segments(String interchange) {
        return List.of(interchange.replace("\n", "").split("~"));
    }
}
