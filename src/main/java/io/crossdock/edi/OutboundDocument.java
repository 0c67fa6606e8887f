package io.crossdock.edi;

import java.util.List;

import io.crossdock.events.ConsumedEvent;
import io.crossdock.partner.PartnerProfile;

/**
 * One EDI document an event makes for one partner (a ShipmentDispatched → the 856 for demo), as
 * {@code routes/edi/edi-outbound.yaml} carries it from the splitter to the partner's outbox. Its
 * name is fixed by the event, so a retry or replay finds the document it made before.
 */
public final class OutboundDocument {

    private final ConsumedEvent event;
    private final PartnerProfile partner;
    private final String transactionSet;
    private final PartnerProfile.OutboundDocument spec;
    private final String name;
    private final String businessKey;
    private final String correlationId;
    private byte[] content;
    private String archiveId;
    private List<EdiTransaction> sets = List.of();

    OutboundDocument(ConsumedEvent event, PartnerProfile partner, String transactionSet, PartnerProfile.OutboundDocument spec) {
        this.event = event;
        this.partner = partner;
        this.transactionSet = transactionSet;
        this.spec = spec;
        this.correlationId = event.correlationId() == null ? event.id() : event.correlationId();
        this.businessKey = event.businessKey() == null ? event.id() : event.businessKey();
        String local = businessKey.startsWith(partner.id() + "/") ? businessKey.substring(partner.id().length() + 1) : businessKey;
        this.name = transactionSet + "-" + local.replaceAll("[^A-Za-z0-9_.-]", "_") + "-" + event.id().substring(0, 8) + ".edi";
    }

    public ConsumedEvent event() {
        return event;
    }

    public PartnerProfile getPartner() {
        return partner;
    }

    public String getTransactionSet() {
        return transactionSet;
    }

    PartnerProfile.OutboundDocument spec() {
        return spec;
    }

    /** The file name in the partner's outbox. */
    public String getName() {
        return name;
    }

    public String businessKey() {
        return businessKey;
    }

    public String correlationId() {
        return correlationId;
    }

    /** Made before (it is in the archive): sent again as it was, never made a second time. */
    public boolean isMade() {
        return archiveId != null;
    }

    public byte[] getContent() {
        return content;
    }

    String archiveId() {
        return archiveId;
    }

    List<EdiTransaction> sets() {
        return sets;
    }

    void useContent(byte[] content, List<EdiTransaction> sets) {
        this.content = content;
        this.sets = sets;
    }

    void useArchiveId(String archiveId) {
        this.archiveId = archiveId;
    }
}
