package io.crossdock.edi;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.crossdock.canonical.Violation;
import io.crossdock.edi.EdiReader.ReadSummary;
import io.crossdock.edi.FunctionalAcknowledgment.Numbers;
import io.crossdock.edi.FunctionalAcknowledgment.OurIdentity;
import io.crossdock.partner.PartnerProfile;

/**
 * What Crossdock would do with a file from a partner, without doing any of it: the envelopes it
 * reads, every error with its place, the acknowledgment it would send (with control numbers 1, since
 * none is taken) and the canonical JSON of each transaction. For integration engineers onboarding
 * a partner or changing a mapping.
 */
public final class DryRun {

    /** One transaction's fate. */
    public record TransactionReport(String type, String controlNumber, boolean valid, List<String> errors,
            String event, JsonNode canonical, List<String> violations, String problem) {
    }

    /** The whole file's fate. */
    public record Report(String partner, boolean readable, String fatal, List<Envelope> interchanges,
            List<String> envelopeErrors, List<TransactionReport> transactions, List<String> acknowledgments) {
    }

    private final TransactionMapper mapper;

    public DryRun(TransactionMapper mapper) {
        this.mapper = mapper;
    }

    /** Outside the hub (the command line): mappings and schemas read from these folders. */
    public DryRun(Path mappings, Path schemas) {
        this(new TransactionMapper(new EdiMappings(mappings.toString()), new io.crossdock.canonical.CanonicalSchemas(schemas)));
    }

    public Report run(PartnerProfile partner, byte[] content) throws Exception {
        if (partner.edi() == null) {
            throw new IllegalArgumentException("partner " + partner.id() + " has no edi section in its profile");
        }
        List<EdiTransaction> transactions = new ArrayList<>();
        ReadSummary summary = new EdiReader().read(new ByteArrayInputStream(content), transactions::add);
        // Mapped from a read without the transaction schemas, as the EDI stage's second pass maps it.
        java.util.Map<Integer, EdiTransaction> contents = new java.util.HashMap<>();
        new EdiReader(TransactionSchemas.NONE).read(new ByteArrayInputStream(content), read -> contents.put(read.headerPosition(), read));
        List<TransactionReport> reports = new ArrayList<>();
        for (EdiTransaction transaction : transactions) {
            TransactionMapper.Mapped mapped = transaction.valid()
                    ? mapper.map(contents.getOrDefault(transaction.headerPosition(), transaction), partner) : null;
            reports.add(new TransactionReport(transaction.type(), transaction.controlNumber(), transaction.valid(),
                    transaction.errors().stream().map(EdiError::toString).toList(),
                    mapped == null || mapped.type() == null ? null : mapped.type().eventName(),
                    mapped == null ? null : mapped.data(),
                    mapped == null ? List.of() : mapped.violations().stream().map(Violation::toString).toList(),
                    mapped == null ? null : mapped.problem()));
        }
        List<String> acknowledgments = new ArrayList<>();
        if ("997".equals(partner.edi().acknowledgmentOrDefault())) {
            for (Envelope interchange : summary.interchanges()) {
                for (var group : ReceivedGroups.of(interchange, transactions, summary)) {
                    if (!FunctionalAcknowledgment.isAcknowledgment(group.group())) {
                        acknowledgments.add(new String(FunctionalAcknowledgment.write(group,
                                OurIdentity.towards(partner.edi()),
                                new Numbers(1, 1), LocalDateTime.now()), StandardCharsets.US_ASCII));
                    }
                }
            }
        }
        return new Report(partner.id(), summary.readable(), summary.fatal() == null ? null : summary.fatal().toString(),
                summary.interchanges(), summary.envelopeErrors().stream().map(EdiError::toString).toList(), reports,
                acknowledgments);
    }
}
