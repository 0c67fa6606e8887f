package io.crossdock.edi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import io.crossdock.edi.FunctionalAcknowledgment.OurIdentity;
import org.junit.jupiter.api.Test;

/** The CONTRL each EDIFACT conformance file gets: what is rejected, where, and why, in the partner's own terms. */
class ContrlAcknowledgmentTest {

    private static final Path EDIFACT = EdiReaderConformanceTest.EDIFACT;
    private static final OurIdentity US = new OurIdentity("14", "5013546107732", "CROSSDOCK");
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 22, 9, 30);

    @Test
    void aMessageWithACharacterOutsideUnoaIsRejectedAtTheElementThatHasIt() throws Exception {
        String contrl = contrl(EDIFACT.resolve("INVOIC_D97B_basic.edi"));
        assertThat(contrl).isEqualTo("""
                UNA:+.? '
                UNB+UNOA:3+5013546107732:14+005435656:1+261122:0930+42'
                UNH+1+CONTRL:D:3:UN'
                UCI+00000000000778+005435656:1+006415160:1+7'
                UCM+00000000000117+INVOIC:D:97B:UN+4'
                UCS+6'
                UCD+21+4'
                UNT+6+1'
                UNZ+1+42'
                """);
    }

    /**
     * UNB08 'I' is off its code list (only A is) and UNG07 carries a seven-character association code
     * and a fourth component it does not have: all reported by the reader, none refusing anything. The message is refused for its own header and trailer:
     * UNH's association code EAN008B is longer than its six characters (the first fault, on UCM), and
     * UNT counts 21 segments where there are 18.
     */
    @Test
    void aMessageWithABadHeaderAndTrailerIsRejectedInItsAcknowledgedGroup() throws Exception {
        String contrl = contrl(EDIFACT.resolve("ORDERS_D96B_ung_une_group_bad_unt.edi"));
        assertThat(contrl).contains("UCI+2722166169492+5400110000009:14+5013546107732:14+7'")
                .contains("UCF+1+5400110000009+5013546107732+7'")
                .contains("UCM+1+ORDERS:D:96B:UN:EAN008B+4+39+UNH+2:5'");
    }

    @Test
    void aTruncatedInterchangeIsRejectedAsAWholeForItsMissingUnz() throws Exception {
        String contrl = contrl(EDIFACT.resolve("ORDERS_D96A_una_decimal_comma_missing_unz.edi"));
        assertThat(contrl).contains("UNB+UNOA:4+5013546107732:14+12345678:8+20261122:0930+42'")
                .contains("UNH+1+CONTRL:4:1:UN'")
                .doesNotContain("UCM");
        assertThat(contrl).contains("UCI+807+12345678:8+WBDZDD:ZZ+4+13+UNZ'");
    }

    @Test
    void whatWeWriteIsReadBackAsAValidControlMessage() throws Exception {
        byte[] contrl = ContrlAcknowledgment.write(read(EDIFACT.resolve("INVOIC_D97B_basic.edi")).summary().interchanges().get(0),
                read(EDIFACT.resolve("INVOIC_D97B_basic.edi")).transactions(), List.of(), US, 42, NOW);
        List<EdiTransaction> back = new ArrayList<>();
        EdiReader.ReadSummary summary = new EdiReader().read(new ByteArrayInputStream(contrl), back::add);
        assertThat(summary.envelopeErrors()).isEmpty();
        assertThat(back).singleElement().satisfies(message -> {
            assertThat(message.type()).isEqualTo("CONTRL");
            assertThat(message.errors()).isEmpty();
        });
    }

    @Test
    void aPartnersControlMessageIsReadForWhatItSaysAboutEachMessage() throws Exception {
        // The CONTRL we would send for the conformance INVOIC, read as if the partner had sent it about ours.
        byte[] invoicContrl = contrl(EDIFACT.resolve("INVOIC_D97B_basic.edi")).getBytes(StandardCharsets.ISO_8859_1);
        ReceivedAcknowledgment ack = ReceivedAcknowledgment.of(first(invoicContrl));

        String reference = read(EDIFACT.resolve("INVOIC_D97B_basic.edi")).summary().interchanges().get(0).interchangeControlNumber();
        assertThat(ack.type()).isEqualTo("CONTRL");
        assertThat(ack.groupControlNumber()).isEqualTo(reference);
        assertThat(ack.groupStatus()).isEqualTo(ReceivedAcknowledgment.Status.REJECTED);
        assertThat(ack.sets()).singleElement().satisfies(message -> {
            assertThat(message.type()).isEqualTo("INVOIC");
            assertThat(message.status()).isEqualTo(ReceivedAcknowledgment.Status.REJECTED);
            assertThat(message.segments()).singleElement().satisfies(segment -> {
                assertThat(segment.position()).isEqualTo("6");
                assertThat(segment.elements()).singleElement().satisfies(element -> {
                    assertThat(element.position()).isEqualTo("4");
                    assertThat(element.error()).isEqualTo("invalid character(s)");
                });
            });
        });
        assertThat(ack.summary()).isEqualTo("CONTRL for interchange " + reference + " (INVOIC): rejected, 0 of 1 message(s) accepted;"
                + " INVOIC 00000000000117 rejected, segment at 6: data element errors, element 4 invalid character(s)");
    }

    @Test
    void aControlMessageRefusingTheInterchangeSaysWhyAndOneAcceptingItAcceptsEveryMessage() throws Exception {
        byte[] truncated = contrl(EDIFACT.resolve("ORDERS_D96A_una_decimal_comma_missing_unz.edi")).getBytes(StandardCharsets.ISO_8859_1);
        ReceivedAcknowledgment refused = ReceivedAcknowledgment.of(first(truncated));
        assertThat(refused.groupStatus()).isEqualTo(ReceivedAcknowledgment.Status.REJECTED);
        assertThat(refused.groupErrors()).containsExactly("missing in UNZ");
        assertThat(refused.summary()).isEqualTo("CONTRL for interchange 807: rejected; missing in UNZ");

        byte[] accepting = ("UNA:+.? 'UNB+UNOC:3+5400110000009:14+5013546107732:14+261122:1000+77'UNH+1+CONTRL:D:3:UN'"
                + "UCI+42+5013546107732:14+5400110000009:14+7'UNT+3+1'UNZ+1+77'").getBytes(StandardCharsets.ISO_8859_1);
        ReceivedAcknowledgment accepted = ReceivedAcknowledgment.of(first(accepting));
        assertThat(accepted.groupControlNumber()).isEqualTo("42");
        assertThat(accepted.groupStatus()).isEqualTo(ReceivedAcknowledgment.Status.ACCEPTED);
        assertThat(accepted.sets()).isEmpty();
        assertThat(accepted.summary()).isEqualTo("CONTRL for interchange 42: accepted");
    }

    /** The first message of an interchange, as our reader gives it. */
    private static EdiTransaction first(byte[] interchange) throws Exception {
        List<EdiTransaction> read = new ArrayList<>();
        new EdiReader().read(new ByteArrayInputStream(interchange), read::add);
        return read.get(0);
    }

    private static String contrl(Path file) throws Exception {
        Read read = read(file);
        List<EdiError> envelope = new ArrayList<>(read.summary().envelopeErrors());
        if (read.summary().fatal() != null) {
            envelope.add(read.summary().fatal());
        }
        return new String(ContrlAcknowledgment.write(read.summary().interchanges().get(0), read.transactions(), envelope, US, 42, NOW),
                StandardCharsets.ISO_8859_1).replace("\r", "");
    }

    private static Read read(Path file) throws Exception {
        List<EdiTransaction> transactions = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            return new Read(new EdiReader().read(in, transactions::add), transactions);
        }
    }

    private record Read(EdiReader.ReadSummary summary, List<EdiTransaction> transactions) {
    }
}
