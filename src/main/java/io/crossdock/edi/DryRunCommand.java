package io.crossdock.edi;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.crossdock.canonical.CanonicalJson;
import io.crossdock.partner.PartnerProfile;
import io.crossdock.partner.PartnerProfileReader;

/**
 * {@code bin/edi-dry-run <partner-profile.yaml> <file>}: prints what Crossdock would make of the
 * file as JSON, touching nothing (no hub, broker or database needed). Exit code 0 when every
 * transaction would map cleanly, 1 when something would be rejected, 2 on wrong usage.
 */
public final class DryRunCommand {

    private DryRunCommand() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: bin/edi-dry-run <partner profile .yaml> <EDI file>");
            System.exit(2);
        }
        Path mappings = Path.of(System.getProperty("crossdock.mappings.dir", "mappings"));
        PartnerProfile partner = new PartnerProfileReader(mappings, List.of(new EdiProfileCheck())).readAll(List.of(Path.of(args[0]))).get(0);
        DryRun.Report report = new DryRun(mappings, mappings.resolve("canonical"))
                .run(partner, Files.readAllBytes(Path.of(args[1])));
        System.out.println(CanonicalJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report));
        boolean clean = report.readable() && report.envelopeErrors().isEmpty() && report.transactions().stream()
                .allMatch(t -> t.valid() && t.problem() == null && t.violations().isEmpty());
        System.exit(clean ? 0 : 1);
    }
}
