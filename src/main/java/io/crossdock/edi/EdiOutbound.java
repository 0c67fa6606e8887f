package io.crossdock.edi;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;

import io.crossdock.canonical.CanonicalJson;
import io.crossdock.canonical.ContentHash;
import io.crossdock.canonical.EventFamily;
import io.crossdock.canonical.EventType;
import io.crossdock.canonical.ExchangeNames;
import io.crossdock.edi.ControlNumbers.Kind;
import io.crossdock.edi.FunctionalAcknowledgment.Numbers;
import io.crossdock.edi.FunctionalAcknowledgment.OurIdentity;
import io.crossdock.events.ConsumedEvent;
import io.crossdock.events.EventFlow;
import io.crossdock.events.EventHandler;
import io.crossdock.events.PermanentFailure;
import io.crossdock.ops.Tracking;
import io.crossdock.ops.TrackingEntry;
import io.crossdock.partner.PartnerDirectory;
import io.crossdock.partner.PartnerProfile;
import io.crossdock.store.DocumentArchive;
import io.quarkus.arc.lookup.LookupIfProperty;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.ProducerTemplate;
import org.jboss.logging.Logger;

/**
 * The steps of {@code routes/edi/edi-outbound.yaml} that need code: which partners an event makes
 * documents for, the mapping and enveloping of one document, its schema check, archive and the
 * acknowledgments owed for it. The archive is looked up first, so a retry or replay sends the same
 * bytes under the same name, never a second document.
 */
@Named("ediOutbound")
@ApplicationScoped
public class EdiOutbound {

    public static final String ROUTE = "direct:edi-outbound";

    private static final Logger LOG = Logger.getLogger(EdiOutbound.class);

    private final PartnerDirectory partners;
    private final EdiMappings mappings;
    private final ControlNumbers controlNumbers;
    private final DocumentArchive archive;
    private final Tracking tracking;
    private final Event<DocumentSent> sent;
    private final SentDocuments sentDocuments;

    public EdiOutbound(PartnerDirectory partners, EdiMappings mappings, ControlNumbers controlNumbers, DocumentArchive archive,
            Tracking tracking, Event<DocumentSent> sent, SentDocuments sentDocuments) {
        this.partners = partners;
        this.mappings = mappings;
        this.controlNumbers = controlNumbers;
        this.archive = archive;
        this.tracking = tracking;
        this.sent = sent;
        this.sentDocuments = sentDocuments;
    }

    /** The event consumer {@code edi-outbound}: business events that partners' profiles turn into documents. */
    @Produces
    @ApplicationScoped
    @LookupIfProperty(name = "crossdock.edi.outbound.enabled", stringValue = "true")
    static EventHandler consumer(ProducerTemplate routes) {
        return new EventFlow("edi-outbound", Set.of(EventFamily.ORDERS, EventFamily.SHIPMENTS, EventFamily.INVOICES,
                EventFamily.INVENTORY), Set.of(), ROUTE, routes);
    }

    /**
     * The documents this event makes: for an event of one partner's (an order, its shipment) that
     * partner's, for one of no partner's (a stock change) every partner's whose profile asks for it
     * (an 846). A partner's own document (its invoice to us) is never sent back to it.
     */
    public List<OutboundDocument> documentsFor(@Body ConsumedEvent event) throws Exception {
        List<OutboundDocument> documents = new ArrayList<>();
        Optional<EventType> type = event.type();
        if (type.isEmpty()) {
            return documents;
        }
        Object partnerId = event.event().getExtension("partner");
        List<PartnerProfile> receivers = partnerId != null ? partners.find(partnerId.toString()).stream().toList() : partners.all();
        for (PartnerProfile partner : receivers) {
            if (partner.edi() == null || ("/crossdock/edi/" + partner.id()).equals(String.valueOf(event.event().getSource()))) {
                continue;
            }
            for (Map.Entry<String, PartnerProfile.OutboundDocument> document : partner.edi().outboundOrNone().entrySet()) {
                if (document.getValue().events().contains(type.get().eventName())) {
                    documents.add(archived(new OutboundDocument(event, partner, document.getKey(), document.getValue())));
                }
            }
        }
        return documents;
    }

    private OutboundDocument archived(OutboundDocument document) throws Exception {
        Optional<DocumentArchive.Archived> made = archive.sent(document.correlationId(), document.getName());
        if (made.isPresent()) {
            // Judged by its schema when it was made: a resend needs only its control numbers.
            document.useContent(made.get().content(), readBack(made.get().content(), false));
            document.useArchiveId(made.get().archiveId());
        }
        return document;
    }

    /** The mapping step: the partner's mapping makes the segments; the document gets its own interchange and control numbers. */
    public void make(@Body OutboundDocument document) {
        ConsumedEvent event = document.event();
        PartnerProfile partner = document.getPartner();
        PartnerProfile.Edi edi = partner.edi();
        String transactionSet = document.getTransactionSet();
        byte[] content;
        try {
            Object data = CanonicalJson.MAPPER.readValue(event.event().getData().toBytes(), Object.class);
            var segments = mappings.mapping(document.spec().mapping()).apply(data, Map.of("partner", partner.id()));
            PartnerProfile.Identifier them = edi.identifiers().get(0);
            OurIdentity us = OurIdentity.towards(edi);
            LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
            if (edi.isEdifact()) {
                content = OutboundMessage.write(transactionSet, segments, new OutboundMessage.Addressee(them.qualifier(), them.id(),
                        edi.charsetOrDefault(), edi.syntaxVersionOrDefault()), us, document.spec().versionOr(edi.versionOrDefault()),
                        edi.testOrDefault(), controlNumbers.next(partner.id(), Kind.INTERCHANGE, ControlNumbers.EDIFACT_REFERENCE_MAX), now);
            } else {
                content = OutboundTransaction.write(transactionSet, segments, new OutboundTransaction.Receiver(them.qualifier(), them.id(),
                        them.id()), us, edi.versionOrDefault(), edi.testOrDefault(), new Numbers(
                                controlNumbers.next(partner.id(), Kind.INTERCHANGE, ControlNumbers.X12_MAX),
                                controlNumbers.next(partner.id(), Kind.GROUP, ControlNumbers.X12_MAX)), now);
            }
        } catch (DocumentMapping.MappingException | IllegalArgumentException e) {
            throw new DocumentNotMadeException("The " + transactionSet + " for " + partner.id() + " could not be made from event "
                    + event.id() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new DocumentNotMadeException("Event " + event.id() + " holds no readable JSON: " + e.getMessage(), e);
        }
        document.useContent(content, readBack(content, true));
    }

    /** A document its own schema refuses would be refused by the partner too: it is not sent, and a person fixes the mapping or data. */
    public void check(@Body OutboundDocument document) {
        List<EdiError> errors = document.sets().stream().flatMap(set -> set.errors().stream()).toList();
        if (!errors.isEmpty()) {
            throw new DocumentNotMadeException("The " + document.getTransactionSet() + " for " + document.getPartner().id()
                    + " made from event " + document.event().id() + " breaks its transaction schema, so it is not sent: " + errors, null);
        }
    }

    /** Archived before it is sent: a retry sends these bytes, not a new document. */
    public void archive(@Body OutboundDocument document) throws Exception {
        document.useArchiveId(archive.store(document.correlationId(), DocumentArchive.Direction.OUT, document.getPartner().id(),
                document.getName(), ContentHash.sha256(document.getContent()), document.getContent()));
    }

    /**
     * Notes each set in the document as sent, named by the control numbers in its bytes (a retry sends
     * the archived bytes, so the numbers always agree), with the time the partner's 997 is due.
     */
    public void owed(@Body OutboundDocument document, @ExchangeProperty(ExchangeNames.TRANSACTION) Connection tx) throws Exception {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Duration due = document.getPartner().edi().acknowledgmentDue();
        for (EdiTransaction set : document.sets()) {
            // An EDIFACT message we send has no UNG: its CONTRL names it by interchange reference (UCI) and message reference (UCM).
            String interchange = set.interchange().interchangeControlNumber();
            sentDocuments.sent(tx, new SentDocuments.Sent(document.getPartner().id(),
                    set.group() != null ? set.group().controlNumber() : interchange, set.controlNumber(), interchange,
                    set.group() != null ? set.group().functionalId() : set.type(), set.type(), document.getName(),
                    document.businessKey(), document.correlationId(), now, due == null ? null : now.plus(due), null));
        }
    }

    /** Filed in the timeline, and announced to whoever follows the order's documents. */
    public void sent(@Body OutboundDocument document, @ExchangeProperty(ExchangeNames.TRANSACTION) Connection tx) throws Exception {
        ConsumedEvent event = document.event();
        String partner = document.getPartner().id();
        EventType cause = event.type().orElseThrow();
        tracking.record(tx, TrackingEntry.of("DOCUMENT_SENT", "sftp", document.getTransactionSet() + " for " + cause.eventName()
                + " put in " + partner + "'s outbox as " + document.getName(), document.businessKey(), partner, document.correlationId())
                .withArchive(document.archiveId()));
        sent.fire(new DocumentSent(partner, document.getTransactionSet(), cause, event, document.getName(), OffsetDateTime.now(ZoneOffset.UTC)));
        LOG.infof("Sent %s to %s as %s", document.getTransactionSet(), partner, document.getName());
    }

    /** The document as the partner's reader will see it: our own reader, judging it by its transaction schema when asked. */
    private static List<EdiTransaction> readBack(byte[] content, boolean judged) {
        List<EdiTransaction> sets = new ArrayList<>();
        EdiReader reader = judged ? new EdiReader() : new EdiReader(TransactionSchemas.NONE);
        try {
            reader.read(new ByteArrayInputStream(content), sets::add);
        } catch (Exception e) {
            throw new IllegalStateException("our own document cannot be read back: " + e.getMessage(), e);
        }
        return sets;
    }

    /** The mapping cannot make this document from this event: a person fixes the mapping or the data, then replays. */
    static class DocumentNotMadeException extends RuntimeException implements PermanentFailure {
        DocumentNotMadeException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
