package io.crossdock.orchestration;

import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.crossdock.canonical.Invoice;
import io.crossdock.canonical.OrderAcknowledgment;
import io.crossdock.canonical.Shipment;
import io.crossdock.edi.DocumentSent;

/** Marks the order steps that are a document in the partner's outbox: acknowledged (855), ASN sent (856), invoice sent (810). */
@ApplicationScoped
public class OrderDocumentsSent {

    private final OrderProcess process;

    public OrderDocumentsSent(OrderProcess process) {
        this.process = process;
    }

    void sent(@Observes DocumentSent document) throws SQLException {
        String correlationId = document.event().correlationId();
        switch (document.cause()) {
            case ORDER_ACCEPTED, ORDER_REJECTED -> {
                OrderAcknowledgment ack = document.event().data(OrderAcknowledgment.class);
                process.mark(document.partner(), ack.poNumber(), ProcessStep.ACKNOWLEDGED, document.at(), correlationId);
            }
            case SHIPMENT_DISPATCHED -> {
                for (String po : document.event().data(Shipment.class).poNumbers()) {
                    process.mark(document.partner(), po, ProcessStep.ASN_SENT, document.at(), correlationId);
                }
            }
            case INVOICE_POSTED -> {
                Invoice invoice = document.event().data(Invoice.class);
                if (invoice.poNumber() != null) {
                    process.mark(document.partner(), invoice.poNumber(), ProcessStep.INVOICE_SENT, document.at(), correlationId);
                }
            }
            default -> {
                // Documents outside order to cash (an 846 from InventoryAdjusted) have no order step.
            }
        }
    }
}
