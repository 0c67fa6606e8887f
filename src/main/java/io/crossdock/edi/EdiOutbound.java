package io.crossdock.edi;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import io.crossdock.canonical.CanonicalJson;
import io.crossdock.canonical.ContentHash;
import io.crossdock.canonical.EventFamily;
import io.crossdock.canonical.EventType;
import io.crossdock.edi.ControlNumbers.Kind;
import io.crossdock.edi.FunctionalAcknowledgment.Numbers;
import io.crossdock.edi.FunctionalAcknowledgment.OurIdentity;
import io.crossdock.events.ConsumedEvent;
import io.crossdock.events.EventHandler;
import io.crossdock.events.PermanentFailure;
import io.crossdock.ops.Tracking;
import io.crossdock.ops.TrackingEntry;
import io.crossdock.partner.PartnerDirectory;
import io.crossdock.partner.PartnerOutbox;
import io.crossdock.partner.PartnerProfile;
import io.crossdock.store.DocumentArchive;
import io.quarkus.arc.lookup.LookupIfProperty;
import org.jboss.logging.Logger;

/**
 * Business events out as EDI: for each event a partner's profile lists under {@code edi.outbound}
 * (OrderAccepted → 855, ...), the mapping makes the segments, the document gets its own
 * interchange and control numbers, is archived, then put in the partner's outbox. The archive is
 * looked up first, so a retry or replay sends the same bytes under the same name, never a second
 * document.
 */
@ApplicationScoped
@LookupIfProperty(name = "crossdock.edi.outbound.enabled", stringValue = "true", lookupIfMissing = true)
public class EdiOutbound implements EventHandler {

    private static final Logger LOG = Logger.getLogger(EdiOutbound.class);

    private final PartnerDirectory partners;
    private final EdiMappings mappings;
    private final ControlNumbers controlNumbers;
    private final DocumentArchive archive;
    private final PartnerOutbox outbox;
    private final Tracking tracking;
    private final Event<DocumentSent> sent;
    private final SentDocuments sentDocuments;

    public EdiOutbound(PartnerDirectory partners, EdiMappings mappings, ControlNumbers controlNumbers, DocumentArchive archive,
            PartnerOutbox outbox, Tracking tracking, Event<DocumentSent> sent, SentDocuments sentDocuments) {
        this.partners = partners;
        this.mappings = mappings;
        this.controlNumbers = controlNumbers;
        this.archive = archive;
        this.outbox = outbox;
        this.tracking = tracking;
        this.sent = sent;
        this.sentDocuments = sentDocuments;
    }

    @Override
    public String consumer() {
        return "edi-outbound";
    }

    @Override
    public Set<EventFamily> families() {
        return Set.of(EventFamily.ORDERS, EventFamily.SHIPMENTS, EventFamily.INVOICES, EventFamily.INVENTORY);
    }

    @Override
    public void apply(ConsumedEvent event, Connection tx) throws Exception {
        Optional<EventType> type = event.type();
        if (type.isEmpty()) {
            return;
        }
        Object partnerId = event.event().getExtension("partner");
        // An event of one partner's (an order, its shipment) goes to that partner; one of no partner's
        // (a stock change) to every partner whose profile asks for it (an 846 inventory advice).
        List<PartnerProfile> receivers = partnerId != null ? partners.find(partnerId.toString()).stream().toList() : partners.all();
        for (PartnerProfile partner : receivers) {
            // A partner's own document (its invoice to us, read from its EDI) is never sent back to it.
            if (partner.edi() == null || ("/crossdock/edi/" + partner.id()).equals(String.valueOf(event.event().getSource()))) {
                continue;
            }
            for (Map.Entry<String, PartnerProfile.OutboundDocument> document : partner.edi().outboundOrNone().entrySet()) {
                if (document.getValue().events().contains(type.get().eventName())) {
                    send(event, partner, document.getKey(), document.getValue(), tx);
                }
            }
        }
    }

    private void send(ConsumedEvent event, PartnerProfile partner, String transactionSet, PartnerProfile.OutboundDocument document,
            Connection tx) throws Exception {
        String correlationId = event.correlationId() == null ? event.id() : event.correlationId();
        String key = event.businessKey() == null ? event.id() : event.businessKey();
        String local = key.startsWith(partner.id() + "/") ? key.substring(partner.id().length() + 1) : key;
        String name = transactionSet + "-" + local.replaceAll("[^A-Za-z0-9_.-]", "_") + "-" + event.id().substring(0, 8) + ".edi";
        Optional<DocumentArchive.Archived> made = archive.sent(correlationId, name);
        byte[] content;
        String archiveId;
        List<EdiTransaction> sets;
        if (made.isPresent()) {
            content = made.get().content();
            archiveId = made.get().archiveId();
            // Judged by its schema when it was made: a resend needs only its control numbers.
            sets = readBack(content, false);
        } else {
            content = make(event, partner, transactionSet, document);
            sets = readBack(content, true);
            refuseIfInvalid(event, partner, transactionSet, sets);
            archiveId = archive.store(correlationId, DocumentArchive.Direction.OUT, partner.id(), name, ContentHash.sha256(content), content);
        }
        owed(tx, partner, sets, name, key, correlationId);
        outbox.deliver(partner, name, content);
        tracking.record(tx, TrackingEntry.of("DOCUMENT_SENT", "sftp", transactionSet + " for " + event.type().get().eventName()
                + " put in " + partner.id() + "'s outbox as " + name, key, partner.id(), correlationId).withArchive(archiveId));
        sent.fire(new DocumentSent(partner.id(), transactionSet, event.type().get(), event, name, java.time.OffsetDateTime.now(ZoneOffset.UTC)));
        LOG.infof("Sent %s to %s as %s", transactionSet, partner.id(), name);
    }

    /**
     * Notes each set in the document as sent, named by the control numbers in its bytes (a retry sends
     * the archived bytes, so the numbers always agree), with the time the partner's 997 is due.
     */
    private void owed(Connection tx, PartnerProfile partner, List<EdiTransaction> sets, String name, String key,
            String correlationId) throws Exception {
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now(ZoneOffset.UTC);
        java.time.Duration due = partner.edi().acknowledgmentDue();
        for (EdiTransaction set : sets) {
            // An EDIFACT message we send has no UNG: its CONTRL names it by interchange reference (UCI) and message reference (UCM).
            String interchange = set.interchange().interchangeControlNumber();
            sentDocuments.sent(tx, new SentDocuments.Sent(partner.id(), set.group() != null ? set.group().controlNumber() : interchange,
                    set.controlNumber(), interchange, set.group() != null ? set.group().functionalId() : set.type(), set.type(), name, key,
                    correlationId, now, due == null ? null : now.plus(due), null));
        }
    }

    /** The document as the partner's reader will see it: our own reader, judging it by its transaction schema when asked. */
    private static List<EdiTransaction> readBack(byte[] content, boolean judged) throws Exception {
        List<EdiTransaction> sets = new java.util.ArrayList<>();
        EdiReader reader = judged ? new EdiReader() : new EdiReader(TransactionSchemas.NONE);
        reader.read(new java.io.ByteArrayInputStream(content), sets::add);
        return sets;
    }

    /** A document its own schema refuses would be refused by the partner too: it is not sent, and a person fixes the mapping or data. */
    private static void refuseIfInvalid(ConsumedEvent event, PartnerProfile partner, String transactionSet, List<EdiTransaction> sets) {
        List<EdiError> errors = sets.stream().flatMap(set -> set.errors().stream()).toList();
        if (!errors.isEmpty()) {
            throw new DocumentNotMadeException("The " + transactionSet + " for " + partner.id() + " made from event " + event.id()
                    + " breaks its transaction schema, so it is not sent: " + errors, null);
        }
    }

    private byte[] make(ConsumedEvent event, PartnerProfile partner, String transactionSet, PartnerProfile.OutboundDocument document) {
        PartnerProfile.Edi edi = partner.edi();
        try {
            Object data = CanonicalJson.MAPPER.readValue(event.event().getData().toBytes(), Object.class);
            var segments = mappings.mapping(document.mapping()).apply(data, Map.of("partner", partner.id()));
            PartnerProfile.Identifier them = edi.identifiers().get(0);
            OurIdentity us = OurIdentity.towards(edi);
            if (edi.isEdifact()) {
                return OutboundMessage.write(transactionSet, segments, new OutboundMessage.Addressee(them.qualifier(), them.id(),
                        edi.charsetOrDefault(), edi.syntaxVersionOrDefault()), us, document.versionOr(edi.versionOrDefault()),
                        edi.testOrDefault(), controlNumbers.next(partner.id(), Kind.INTERCHANGE, ControlNumbers.EDIFACT_REFERENCE_MAX), LocalDateTime.now(ZoneOffset.UTC));
            }
            return OutboundTransaction.write(transactionSet, segments, new OutboundTransaction.Receiver(them.qualifier(), them.id(), them.id()),
                    us, edi.versionOrDefault(),
                    edi.testOrDefault(), new Numbers(controlNumbers.next(partner.id(), Kind.INTERCHANGE, ControlNumbers.X12_MAX),
                            controlNumbers.next(partner.id(), Kind.GROUP, ControlNumbers.X12_MAX)),
                    LocalDateTime.now(ZoneOffset.UTC));
        } catch (DocumentMapping.MappingException | IllegalArgumentException e) {
            throw new DocumentNotMadeException("The " + transactionSet + " for " + partner.id() + " could not be made from event "
                    + event.id() + ": " + e.getMessage(), e);
        } catch (java.io.IOException e) {
            throw new DocumentNotMadeException("Event " + event.id() + " holds no readable JSON: " + e.getMessage(), e);
        }
    }

    /** The mapping cannot make this document from this event: a person fixes the mapping or the data, then replays. */
    static class DocumentNotMadeException extends RuntimeException implements PermanentFailure {
        DocumentNotMadeException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
