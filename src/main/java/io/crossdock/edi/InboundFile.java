package io.crossdock.edi;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.sql.Connection;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.crossdock.canonical.ContentHash;
import io.crossdock.edi.ControlNumbers.Kind;
import io.crossdock.edi.EdiReader.ReadSummary;
import io.crossdock.edi.FunctionalAcknowledgment.Numbers;
import io.crossdock.edi.FunctionalAcknowledgment.OurIdentity;
import io.crossdock.edi.FunctionalAcknowledgment.ReceivedGroup;
import io.crossdock.events.ConsumedEvent;
import io.crossdock.events.EventContext;
import io.crossdock.ops.TrackingEntry;
import io.crossdock.partner.PartnerProfile;
import io.crossdock.store.DocumentArchive;
import org.jboss.logging.Logger;

/**
 * One EDI file being taken in, read in two streaming passes so its transactions never sit in memory
 * together: the first reads the envelopes, errors and each transaction's outline (what
 * acknowledgments need) and decides which interchanges are taken; the second hands those
 * interchanges' transactions on one at a time. Every step is filed in the file's timeline.
 */
public final class InboundFile {

    private static final Logger LOG = Logger.getLogger(InboundFile.class);

    private final EdiInbound stage;
    private final PartnerProfile partner;
    private final PartnerProfile.Edi edi;
    private final Connection tx;
    private final String correlationId;
    private final String fileName;
    private final byte[] content;
    private final List<EdiTransaction> outlines = new ArrayList<>();
    private final Set<Integer> taken = new HashSet<>();
    private final List<CompletableFuture<?>> published = new ArrayList<>();
    private ReadSummary summary;

    InboundFile(EdiInbound stage, ConsumedEvent document, PartnerProfile partner, Connection tx, byte[] content, String fileName) {
        this.stage = stage;
        this.partner = partner;
        this.edi = partner.edi();
        this.tx = tx;
        this.correlationId = document.correlationId();
        this.fileName = fileName;
        this.content = content;
    }

    public PartnerProfile partner() {
        return partner;
    }

    /** After the first pass: the file could be read as EDI to its end. */
    public boolean isReadable() {
        return summary != null && summary.readable();
    }

    /** After the interchanges were judged: at least one was taken, so it has transactions to hand on. */
    public boolean isAnyTaken() {
        return !taken.isEmpty();
    }

    void read() throws Exception {
        summary = new EdiReader().read(new ByteArrayInputStream(content), t -> outlines.add(t.outline()));
    }

    void unreadable() throws Exception {
        if (!summary.interchanges().isEmpty()) {
            interchangeRejected(summary.interchanges().get(summary.interchanges().size() - 1),
                    InterchangeAcknowledgment.Note.PREMATURE_END_OF_FILE);
        }
        stage.outbox.put(partner, edi.errorFolderOrDefault(), fileName, content);
        exception(fileName + " cannot be read as EDI: " + summary.fatal() + "; moved to " + partner.id() + "'s "
                + edi.errorFolderOrDefault() + " folder");
    }

    void takeInterchanges() throws Exception {
        for (Envelope interchange : summary.interchanges()) {
            List<EdiTransaction> own = outlines.stream().filter(t -> t.interchange() == interchange).toList();
            Optional<EdiError> trailer = trailerError(interchange);
            if (trailer.isPresent()) {
                interchangeRejected(interchange, "CONTROL_REFERENCE_MISMATCH".equals(trailer.get().code())
                        ? InterchangeAcknowledgment.Note.CONTROL_NUMBER_MISMATCH
                        : InterchangeAcknowledgment.Note.INVALID_GROUP_COUNT);
                exception("Interchange " + interchange.interchangeControlNumber() + " rejected: " + trailer.get());
            } else if (accepted(interchange, own.size())) {
                acknowledge(interchange, own);
                taken.add(interchange.position());
            }
        }
    }

    /** The second pass reads content only: the first pass judged each transaction against its schema already. */
    Iterator<ReceivedTransaction> transactions() throws Exception {
        Map<Integer, EdiTransaction> judged = new HashMap<>();
        outlines.forEach(outline -> judged.put(outline.headerPosition(), outline));
        EdiReader.Transactions all = new EdiReader(TransactionSchemas.NONE).transactions(new ByteArrayInputStream(content));
        return new TakenTransactions(all, judged);
    }

    /** Only the transactions of taken interchanges, each with its first-pass verdict; closing it closes the reader. */
    private final class TakenTransactions implements Iterator<ReceivedTransaction>, Closeable {
        private final EdiReader.Transactions all;
        private final Map<Integer, EdiTransaction> judged;
        private EdiTransaction next;

        TakenTransactions(EdiReader.Transactions all, Map<Integer, EdiTransaction> judged) {
            this.all = all;
            this.judged = judged;
        }

        @Override
        public boolean hasNext() {
            while (next == null && all.hasNext()) {
                EdiTransaction candidate = all.next();
                if (taken.contains(candidate.interchange().position())) {
                    next = candidate;
                }
            }
            return next != null;
        }

        @Override
        public ReceivedTransaction next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            EdiTransaction content = next;
            next = null;
            return new ReceivedTransaction(content, judged.getOrDefault(content.headerPosition(), content));
        }

        @Override
        public void close() throws IOException {
            all.close();
        }
    }

    void rejected(ReceivedTransaction transaction) throws Exception {
        record("TRANSACTION_REJECTED", "edi", transaction.key() + " rejected: " + transaction.judged().errors(),
                interchangeKey(transaction.interchange()));
    }

    void acknowledgmentReceived(ReceivedTransaction transaction) throws Exception {
        try {
            stage.acknowledgments.received(tx, partner.id(), transaction.content(), correlationId);
        } catch (IllegalArgumentException e) {
            exception(transaction.key() + " from " + partner.id() + " cannot be matched to what we sent: " + e.getMessage());
        }
    }

    void publish(MappedTransaction mapped) {
        EdiTransaction transaction = mapped.source().content();
        published.add(stage.publisher.publishJson(mapped.mapped().type(), mapped.mapped().data(), EventContext.derived(correlationId,
                partner.id(), "/crossdock/edi/" + partner.id(), correlationId, transaction.interchange().interchangeControlNumber(),
                transaction.group() == null ? "" : transaction.group().controlNumber(), transaction.controlNumber())));
    }

    /** Sent together and confirmed together. */
    void awaitPublished() throws Exception {
        CompletableFuture.allOf(published.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    }

    void resent() throws Exception {
        ReadSummary again = new EdiReader().read(new ByteArrayInputStream(content), t -> { });
        for (Envelope interchange : again.interchanges()) {
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
        var earlier = stage.interchanges.register(interchange, partner.id(), correlationId, edi.duplicateWindowOrDefault());
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
    private void acknowledge(Envelope interchange, List<EdiTransaction> own) throws Exception {
        if ("EDIFACT".equals(interchange.standard())) {
            controlMessage(interchange, own, envelopeErrors(interchange));
        } else {
            for (ReceivedGroup group : ReceivedGroups.of(interchange, own, summary)) {
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
                stage.controlNumbers.next(partner.id(), Kind.INTERCHANGE, ControlNumbers.X12_MAX), LocalDateTime.now(ZoneOffset.UTC)),
                "TA1 rejecting interchange " + interchange.interchangeControlNumber() + " (" + note.code() + " "
                        + note.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")");
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
                stage.controlNumbers.next(partner.id(), Kind.INTERCHANGE, ControlNumbers.EDIFACT_REFERENCE_MAX),
                LocalDateTime.now(ZoneOffset.UTC)), "CONTRL for interchange " + interchange.interchangeControlNumber());
    }

    /** The errors of an interchange's own service segments, between its UNB and the next interchange. */
    private List<EdiError> envelopeErrors(Envelope interchange) {
        int next = summary.interchanges().stream().mapToInt(Envelope::position)
                .filter(p -> p > interchange.position()).min().orElse(Integer.MAX_VALUE);
        return summary.envelopeErrors().stream()
                .filter(e -> e.segmentPosition() >= interchange.position() && e.segmentPosition() < next).toList();
    }

    /** Makes a document once (archived before it is sent, so a retry sends the same bytes) and puts it in the outbox. */
    private void send(String name, Callable<byte[]> make, String description) throws Exception {
        Optional<DocumentArchive.Archived> made = stage.archive.sent(correlationId, name);
        byte[] document = made.isPresent() ? made.get().content() : make.call();
        String archiveId = made.isPresent() ? made.get().archiveId()
                : stage.archive.store(correlationId, DocumentArchive.Direction.OUT, partner.id(), name,
                        ContentHash.sha256(document), document);
        stage.outbox.deliver(partner, name, document);
        stage.tracking.record(tx, TrackingEntry.of("ACK_SENT", "sftp", description + " put in " + partner.id()
                + "'s outbox as " + name, name, partner.id(), correlationId).withArchive(archiveId));
    }

    private OurIdentity ourIdentity() {
        return OurIdentity.towards(edi);
    }

    /** An interchange trailer (IEA, UNZ) that disagrees with what it closes: the whole interchange is refused. */
    private Optional<EdiError> trailerError(Envelope interchange) {
        return envelopeErrors(interchange).stream()
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
            Numbers numbers = new Numbers(stage.controlNumbers.next(partner.id(), Kind.INTERCHANGE, ControlNumbers.X12_MAX),
                    stage.controlNumbers.next(partner.id(), Kind.GROUP, ControlNumbers.X12_MAX));
            LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
            return "999".equals(policy) ? FunctionalAcknowledgment.write999(received, ourIdentity(), numbers, now)
                    : FunctionalAcknowledgment.write(received, ourIdentity(), numbers, now);
        }, policy + " for group " + group.controlNumber());
    }

    void exception(String reason) throws Exception {
        LOG.errorf("Business exception for %s: %s", partner.id(), reason);
        record("BUSINESS_EXCEPTION", "edi", reason, fileName);
    }

    private void record(String stage, String system, String description, String businessKey) throws Exception {
        this.stage.tracking.record(tx, TrackingEntry.of(stage, system, description, businessKey, partner.id(), correlationId));
    }

    private static String interchangeKey(Envelope interchange) {
        return interchange.senderQualifier() + ":" + interchange.senderId() + "/" + interchange.interchangeControlNumber();
    }
}
