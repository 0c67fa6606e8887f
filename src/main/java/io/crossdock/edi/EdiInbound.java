package io.crossdock.edi;

import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.crossdock.canonical.CanonicalSchemas;
import io.crossdock.canonical.ContentHash;
import io.crossdock.canonical.EventFamily;
import io.crossdock.canonical.InboundDocuments;
import io.crossdock.edi.ControlNumbers.Kind;
import io.crossdock.edi.EdiReader.ReadSummary;
import io.crossdock.edi.FunctionalAcknowledgment.Numbers;
import io.crossdock.edi.FunctionalAcknowledgment.OurIdentity;
import io.crossdock.edi.FunctionalAcknowledgment.ReceivedGroup;
import io.crossdock.events.ConsumedEvent;
import io.crossdock.events.EventContext;
import io.crossdock.events.EventHandler;
import io.crossdock.events.EventPublisher;
import io.crossdock.ops.Tracking;
import io.crossdock.ops.TrackingEntry;
import io.crossdock.partner.PartnerDirectory;
import io.crossdock.partner.PartnerOutbox;
import io.crossdock.partner.PartnerProfile;
import io.crossdock.store.DocumentArchive;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The EDI stage: takes each file the intake handed on from an EDI partner, reads it, recognises
 * resent interchanges, acknowledges every group as the partner's profile asks, and publishes the
 * canonical event of each valid transaction through the partner's mapping. A file that cannot be
 * read at all goes to the partner's error folder. Every step is filed in the file's timeline.
 */
@ApplicationScoped
public class EdiInbound implements EventHandler {

    private static final Logger LOG = Logger.getLogger(EdiInbound.class);

    private final PartnerDirectory partners;
    private final DocumentArchive archive;
    private final InterchangeRegistry interchanges;
    private final ControlNumbers controlNumbers;
    private final EventPublisher publisher;
    private final PartnerOutbox outbox;
    private final Tracking tracking;
    private final TransactionMapper mapper;
    private final String inboundTopic;
    private final String duplicatesTopic;
    private final PartnerAcknowledgments acknowledgments;

    public EdiInbound(PartnerDirectory partners, DocumentArchive archive, InterchangeRegistry interchanges,
            ControlNumbers controlNumbers, EventPublisher publisher, PartnerOutbox outbox, Tracking tracking,
            EdiMappings mappings, CanonicalSchemas schemas, PartnerAcknowledgments acknowledgments,
            @ConfigProperty(name = "crossdock.topics.inbound-documents") String inboundTopic,
            @ConfigProperty(name = "crossdock.topics.intake-duplicates") String duplicatesTopic) {
        this.partners = partners;
        this.archive = archive;
        this.interchanges = interchanges;
        this.controlNumbers = controlNumbers;
        this.publisher = publisher;
        this.outbox = outbox;
        this.tracking = tracking;
        this.mapper = new TransactionMapper(mappings, schemas);
        this.inboundTopic = inboundTopic;
        this.duplicatesTopic = duplicatesTopic;
        this.acknowledgments = acknowledgments;
    }

    @Override
    public String consumer() {
        return "edi-inbound";
    }

    @Override
    public Set<EventFamily> families() {
        return Set.of();
    }

    @Override
    public Set<String> otherTopics() {
        return Set.of(inboundTopic, duplicatesTopic);
    }

    @Override
    public void apply(ConsumedEvent document, Connection tx) throws Exception {
        Optional<PartnerProfile> partner = partners.find(extension(document, InboundDocuments.PARTNER));
        if (partner.isEmpty() || partner.get().edi() == null) {
            return; // not an EDI partner's file: another stage's business
        }
        String type = document.event().getType();
        if (InboundDocuments.DOCUMENT_RECEIVED.equals(type)) {
            new File(document, partner.get(), tx).process(content(document));
        } else if (InboundDocuments.DUPLICATE_DOCUMENT.equals(type)) {
            // The very same bytes again: every interchange in them is a resend, and the partner is told so.
            new File(document, partner.get(), tx).resent(archivedContent(document));
        }
    }

    private byte[] content(ConsumedEvent document) throws Exception {
        if (document.event().getData() != null) {
            return document.event().getData().toBytes();
        }
        return archivedContent(document);
    }

    private byte[] archivedContent(ConsumedEvent document) throws Exception {
        String archiveId = extension(document, InboundDocuments.ARCHIVE_ID);
        return archive.read(archiveId).orElseThrow(() -> new IllegalStateException(
                "inbound document " + document.id() + " refers to archive " + archiveId + ", which does not exist"))
                .content();
    }

    private static String extension(ConsumedEvent document, String name) {
        Object value = document.event().getExtension(name);
        return value == null ? null : value.toString();
    }

    /** One file's processing, with what it needs at hand. */
    private final class File {
        private final ConsumedEvent document;
        private final PartnerProfile partner;
        private final PartnerProfile.Edi edi;
        private final Connection tx;
        private final String correlationId;
        private final String fileName;
        private final List<java.util.concurrent.CompletableFuture<?>> published = new ArrayList<>();

        File(ConsumedEvent document, PartnerProfile partner, Connection tx) {
            this.document = document;
            this.partner = partner;
            this.edi = partner.edi();
            this.tx = tx;
            this.correlationId = document.correlationId();
            this.fileName = extension(document, InboundDocuments.FILE_NAME);
        }

        /**
         * Two streaming passes, so a file's transactions never sit in memory together: the first reads the
         * envelopes, errors and each transaction's outline (what acknowledgments need) and decides which
         * interchanges are taken; the second maps and publishes those interchanges' transactions one at a
         * time as they are read.
         */
        void process(byte[] content) throws Exception {
            List<EdiTransaction> transactions = new ArrayList<>();
            ReadSummary summary = new EdiReader().read(new ByteArrayInputStream(content), t -> transactions.add(t.outline()));
            if (!summary.readable()) {
                if (!summary.interchanges().isEmpty()) {
                    interchangeRejected(summary.interchanges().get(summary.interchanges().size() - 1),
                            InterchangeAcknowledgment.Note.PREMATURE_END_OF_FILE);
                }
                reject(content, summary);
                return;
            }
            java.util.Set<Integer> taken = new java.util.HashSet<>();
            for (Envelope interchange : summary.interchanges()) {
                List<EdiTransaction> own = transactions.stream()
                        .filter(t -> t.interchange() == interchange).toList();
                Optional<EdiError> trailer = trailerError(interchange, summary);
                if (trailer.isPresent()) {
                    interchangeRejected(interchange, "CONTROL_REFERENCE_MISMATCH".equals(trailer.get().code())
                            ? InterchangeAcknowledgment.Note.CONTROL_NUMBER_MISMATCH
                            : InterchangeAcknowledgment.Note.INVALID_GROUP_COUNT);
                    exception("Interchange " + interchange.interchangeControlNumber() + " rejected: " + trailer.get());
                } else if (accepted(interchange, own.size())) {
                    acknowledge(interchange, own, summary);
                    taken.add(interchange.position());
                }
            }
            if (!taken.isEmpty()) {
                // The first pass judged each transaction against its schema; the second only needs its content.
                Map<Integer, EdiTransaction> judged = new java.util.HashMap<>();
                transactions.forEach(outline -> judged.put(outline.headerPosition(), outline));
                new EdiReader(TransactionSchemas.NONE).read(new ByteArrayInputStream(content), transaction -> {
                    if (taken.contains(transaction.interchange().position())) {
                        publish(transaction.interchange(), transaction, judged.getOrDefault(transaction.headerPosition(), transaction));
                    }
                });
                // Sent together and confirmed together: the file is done when Kafka has every event
                // (a failure redoes the file, and consumers drop the events that did arrive by their ids).
                java.util.concurrent.CompletableFuture.allOf(published.toArray(java.util.concurrent.CompletableFuture[]::new))
                        .get(60, TimeUnit.SECONDS);
            }
        }

        void resent(byte[] content) throws Exception {
            EdiReader.ReadSummary summary = new EdiReader().read(new ByteArrayInputStream(content), t -> { });
            for (Envelope interchange : summary.interchanges()) {
                String report = "Interchange " + interchange.interchangeControlNumber() + " from "
                        + interchange.senderQualifier() + ":" + interchange.senderId()
                        + " sent again in an identical file: duplicate, not processed again";
                LOG.warnf("%s", report);
                record("DUPLICATE_INTERCHANGE", "edi", report, interchangeKey(interchange));
                interchangeRejected(interchange, InterchangeAcknowledgment.Note.DUPLICATE_INTERCHANGE);
            }
        }

        private boolean accepted(Envelope interchange, int transactionCount) throws Exception {
            String sender = interchange.senderQualifier() + ":" + interchange.senderId();
            if (!edi.knows(interchange.senderQualifier(), interchange.senderId())) {
                interchangeRejected(interchange, InterchangeAcknowledgment.Note.INVALID_SENDER);
                exception("Interchange " + interchange.interchangeControlNumber() + " names sender " + sender
                        + ", which is not one of " + partner.id() + "'s identifiers: not processed");
                return false;
            }
            var earlier = interchanges.register(interchange, partner.id(), correlationId, edi.duplicateWindowOrDefault());
            if (earlier.isPresent() && !earlier.get().correlationId().equals(correlationId)) {
                String report = "Interchange " + interchange.interchangeControlNumber() + " from " + sender
                        + " was received before (" + earlier.get().receivedAt() + ", correlation id "
                        + earlier.get().correlationId() + "): duplicate, not processed again";
                LOG.warnf("%s", report);
                record("DUPLICATE_INTERCHANGE", "edi", report, interchangeKey(interchange));
                interchangeRejected(interchange, InterchangeAcknowledgment.Note.DUPLICATE_INTERCHANGE);
                return false;
            }
            record("EDI_INTERCHANGE", "edi", interchange.standard() + " interchange " + interchange
                    .interchangeControlNumber() + " from " + sender + " with " + transactionCount + " transaction(s)",
                    interchangeKey(interchange));
            return true;
        }

        /** The acknowledgments a taken interchange gets: a CONTRL (EDIFACT), a 997 per group (X12). */
        private void acknowledge(Envelope interchange, List<EdiTransaction> outlines, ReadSummary summary) throws Exception {
            if ("EDIFACT".equals(interchange.standard())) {
                controlMessage(interchange, outlines, envelopeErrors(interchange, summary));
            } else {
                for (ReceivedGroup group : ReceivedGroups.of(interchange, outlines, summary)) {
                    acknowledge(group);
                }
            }
        }

        /** Tells the partner (X12: a TA1; EDIFACT: a CONTRL refusing it in UCI) that an interchange was rejected as a whole, and why. */
        private void interchangeRejected(Envelope interchange, InterchangeAcknowledgment.Note note) throws Exception {
            if ("EDIFACT".equals(interchange.standard())) {
                controlMessage(interchange, List.of(), List.of(ContrlAcknowledgment.refusal(interchange, note)));
                return;
            }
            if (!"X12".equals(interchange.standard()) || "none".equals(edi.acknowledgmentOrDefault())) {
                return;
            }
            // One per receipt: a second resend of the same interchange gets its own TA1, not an overwrite.
            String name = "TA1-" + interchange.interchangeControlNumber() + "-" + correlationId.substring(0, 8) + ".edi";
            send(name, () -> InterchangeAcknowledgment.reject(interchange, note, ourIdentity(),
                    controlNumbers.next(partner.id(), Kind.INTERCHANGE, ControlNumbers.X12_MAX), LocalDateTime.now(ZoneOffset.UTC)),
                    "TA1 rejecting interchange " + interchange.interchangeControlNumber() + " (" + note.code() + " "
                            + note.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")");
        }

        /** EDIFACT: one CONTRL per interchange when the partner wants it, never for an interchange of CONTRLs. */
        private void controlMessage(Envelope interchange, List<EdiTransaction> messages, List<EdiError> envelopeErrors)
                throws Exception {
            if (!"EDIFACT".equals(interchange.standard()) || !"CONTRL".equals(edi.acknowledgmentOrDefault())
                    || !messages.isEmpty() && messages.stream().allMatch(message -> "CONTRL".equals(message.type()))) {
                return;
            }
            String name = "CONTRL-" + interchange.interchangeControlNumber() + "-" + correlationId.substring(0, 8) + ".edi";
            send(name, () -> ContrlAcknowledgment.write(interchange, messages, envelopeErrors, ourIdentity(),
                    controlNumbers.next(partner.id(), Kind.INTERCHANGE, ControlNumbers.EDIFACT_REFERENCE_MAX), LocalDateTime.now(ZoneOffset.UTC)),
                    "CONTRL for interchange " + interchange.interchangeControlNumber());
        }

        /** The errors of an interchange's own service segments, between its UNB and the next interchange. */
        private List<EdiError> envelopeErrors(Envelope interchange, ReadSummary summary) {
            int next = summary.interchanges().stream().mapToInt(Envelope::position)
                    .filter(p -> p > interchange.position()).min().orElse(Integer.MAX_VALUE);
            return summary.envelopeErrors().stream()
                    .filter(e -> e.segmentPosition() >= interchange.position() && e.segmentPosition() < next).toList();
        }

        /** Makes a document once (archived before it is sent, so a retry sends the same bytes) and puts it in the outbox. */
        private byte[] send(String name, java.util.concurrent.Callable<byte[]> make, String description) throws Exception {
            Optional<DocumentArchive.Archived> made = archive.sent(correlationId, name);
            byte[] document = made.isPresent() ? made.get().content() : make.call();
            String archiveId = made.isPresent() ? made.get().archiveId()
                    : archive.store(correlationId, DocumentArchive.Direction.OUT, partner.id(), name,
                            ContentHash.sha256(document), document);
            outbox.deliver(partner, name, document);
            tracking.record(tx, TrackingEntry.of("ACK_SENT", "sftp", description + " put in " + partner.id()
                    + "'s outbox as " + name, name, partner.id(), correlationId).withArchive(archiveId));
            return document;
        }

        private OurIdentity ourIdentity() {
            return OurIdentity.towards(edi);
        }

        /** An interchange trailer (IEA, UNZ) that disagrees with what it closes: the whole interchange is refused. */
        private Optional<EdiError> trailerError(Envelope interchange, ReadSummary summary) {
            return envelopeErrors(interchange, summary).stream()
                    .filter(e -> ("IEA".equals(e.segmentTag()) || "UNZ".equals(e.segmentTag())) && e.code().startsWith("CONTROL_"))
                    .findFirst();
        }

        private void acknowledge(ReceivedGroup received) throws Exception {
            Envelope interchange = received.interchange();
            FunctionalGroup group = received.group();
            String policy = edi.acknowledgmentOrDefault();
            if ("none".equals(policy) || FunctionalAcknowledgment.isAcknowledgment(group)) {
                return;
            }
            if (!"997".equals(policy) && !"999".equals(policy)) {
                return;
            }
            String ackName = policy + "-" + interchange.interchangeControlNumber() + "-" + group.controlNumber() + ".edi";
            send(ackName, () -> {
                // Numbers are taken only when the acknowledgment is made, not when an archived one is sent again.
                Numbers numbers = new Numbers(controlNumbers.next(partner.id(), Kind.INTERCHANGE, ControlNumbers.X12_MAX),
                        controlNumbers.next(partner.id(), Kind.GROUP, ControlNumbers.X12_MAX));
                LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
                return "999".equals(policy) ? FunctionalAcknowledgment.write999(received, ourIdentity(), numbers, now)
                        : FunctionalAcknowledgment.write(received, ourIdentity(), numbers, now);
            }, policy + " for group " + group.controlNumber());
        }

        /** @param judged the transaction as the first pass read it, with its schema's verdict */
        private void publish(Envelope interchange, EdiTransaction transaction, EdiTransaction judged) throws Exception {
            String key = transaction.type() + " " + transaction.controlNumber();
            if (!judged.valid()) {
                record("TRANSACTION_REJECTED", "edi", key + " rejected: " + judged.errors(), interchangeKey(interchange));
                return;
            }
            if (ReceivedAcknowledgment.isAcknowledgment(transaction)) {
                try {
                    acknowledgments.received(tx, partner.id(), transaction, correlationId);
                } catch (IllegalArgumentException e) {
                    exception(key + " from " + partner.id() + " cannot be matched to what we sent: " + e.getMessage());
                }
                return;
            }
            TransactionMapper.Mapped mapped = mapper.map(transaction, partner);
            if (!mapped.ok()) {
                exception(key + (mapped.problem() != null ? ": " + mapped.problem()
                        : " does not make a valid " + mapped.type().eventName() + ": " + mapped.violations()));
                return;
            }
            published.add(publisher.publishJson(mapped.type(), mapped.data(), EventContext.derived(correlationId, partner.id(),
                    "/crossdock/edi/" + partner.id(), correlationId, interchange.interchangeControlNumber(),
                    transaction.group() == null ? "" : transaction.group().controlNumber(), transaction.controlNumber())));
        }

        private void reject(byte[] content, ReadSummary summary) throws Exception {
            String reason = "cannot be read as EDI: " + summary.fatal();
            outbox.put(partner, edi.errorFolderOrDefault(), fileName, content);
            exception(fileName + " " + reason + "; moved to " + partner.id() + "'s " + edi.errorFolderOrDefault()
                    + " folder");
        }

        private void exception(String reason) throws Exception {
            LOG.errorf("Business exception for %s: %s", partner.id(), reason);
            record("BUSINESS_EXCEPTION", "edi", reason, fileName);
        }

        private void record(String stage, String system, String description, String businessKey) throws Exception {
            tracking.record(tx, TrackingEntry.of(stage, system, description, businessKey, partner.id(), correlationId));
        }

        private String interchangeKey(Envelope interchange) {
            return interchange.senderQualifier() + ":" + interchange.senderId() + "/" + interchange.interchangeControlNumber();
        }
    }
}
