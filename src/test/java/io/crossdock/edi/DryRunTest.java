package io.crossdock.edi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.crossdock.partner.PartnerProfile;
import io.crossdock.partner.PartnerProfileReader;
import org.junit.jupiter.api.Test;

/** The dry-run translator integration engineers use when onboarding a partner or changing a mapping. */
class DryRunTest {

    static final PartnerProfile DEMO = new PartnerProfileReader(Path.of("mappings"), List.of(new EdiProfileCheck()))
            .read(Path.of("mappings/sandbox/demo.yaml"));
    final DryRun dryRun = new DryRun(Path.of("mappings"), Path.of("mappings/canonical"));

    @Test
    void theVicsPurchaseOrderShowsItsCanonicalOrderAndTheAcknowledgmentThatWouldGo() throws Exception {
        DryRun.Report report = dryRun.run(DEMO, Files.readAllBytes(EdiReaderConformanceTest.X12.resolve("850_vics_4010_po.edi")));
        assertThat(report.readable()).isTrue();
        assertThat(report.envelopeErrors()).isEmpty();
        assertThat(report.transactions()).singleElement().satisfies(t -> {
            assertThat(t.event()).isEqualTo("OrderReceived");
            assertThat(t.canonical().path("poNumber").asText()).isEqualTo("08292233294");
            assertThat(t.canonical().path("lines")).hasSize(6);
            assertThat(t.violations()).isEmpty();
            assertThat(t.problem()).isNull();
        });
        assertThat(report.acknowledgments()).singleElement().asString().contains("AK9*A*1*1*1");
    }

    @Test
    void mismatchedControlNumbersGiveAClearErrorListAndARejection() throws Exception {
        DryRun.Report report = dryRun.run(DEMO,
                Files.readAllBytes(EdiReaderConformanceTest.X12.resolve("control_numbers_mismatch_st_gs_isa.edi")));
        assertThat(report.envelopeErrors()).containsExactly(
                "segment 8 (GE), element GE02: CONTROL_REFERENCE_MISMATCH '3315' - the trailer's control number"
                        + " does not repeat the header's",
                "segment 9 (IEA), element IEA02: CONTROL_REFERENCE_MISMATCH '000003439' - the trailer's control"
                        + " number does not repeat the header's");
        assertThat(report.transactions()).singleElement().satisfies(t -> {
            assertThat(t.valid()).isFalse();
            assertThat(t.errors()).singleElement().asString().contains("SE02").contains("'0002'");
            assertThat(t.canonical()).isNull();
        });
        assertThat(report.acknowledgments()).singleElement().asString().contains("AK5*R*3").contains("AK9*R*1*1*0*4");
    }
}
