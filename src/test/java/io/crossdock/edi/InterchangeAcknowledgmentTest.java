package io.crossdock.edi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class InterchangeAcknowledgmentTest {

    @Test
    void aTa1RejectsAnInterchangeWithTheNoteCodeAndIsItselfAValidInterchange() throws Exception {
        List<EdiTransaction> ignored = new ArrayList<>();
        Envelope vics = new EdiReader().read(Files.newInputStream(EdiReaderConformanceTest.X12.resolve(
                "850_vics_4010_po.edi")), ignored::add).interchanges().get(0);

        byte[] ta1 = InterchangeAcknowledgment.reject(vics, InterchangeAcknowledgment.Note.DUPLICATE_INTERCHANGE,
                FunctionalAcknowledgmentTest.US, 18, FunctionalAcknowledgmentTest.NOW);

        String text = new String(ta1, StandardCharsets.US_ASCII);
        assertThat(FunctionalAcknowledgmentTest.segments(text)).containsExactly(
                "ISA*00*          *00*          *ZZ*CROSSDOCK      *12*4405197800     *261122*1430*U*00400*000000018*0*P*>",
                "TA1*000003438*101127*1719*R*025",
                "IEA*0*000000018");
        var summary = new EdiReader().read(new ByteArrayInputStream(ta1), ignored::add);
        assertThat(summary.readable()).isTrue();
        assertThat(summary.envelopeErrors()).isEmpty();
    }
}
