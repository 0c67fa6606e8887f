package io.crossdock.orchestration;

import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import io.crossdock.ops.BusinessExceptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The order-to-cash deadlines: an order must be acknowledged to its partner within
 * {@code crossdock.orders.sla.acknowledge-within} of arriving, and invoiced within
 * {@code crossdock.orders.sla.invoice-within} of shipping. A missed deadline is a business exception
 * on the order's timeline, raised once. Called by routes/orders/order-slas.yaml on a timer.
 */
@ApplicationScoped
@Named("orderSlas")
public class OrderSlas {

    private static final int BATCH = 500;

    private final OrderProcess process;
    private final BusinessExceptions businessExceptions;
    private final Duration acknowledgeWithin;
    private final Duration invoiceWithin;

    public OrderSlas(OrderProcess process, BusinessExceptions businessExceptions,
            @ConfigProperty(name = "crossdock.orders.sla.acknowledge-within") Duration acknowledgeWithin,
            @ConfigProperty(name = "crossdock.orders.sla.invoice-within") Duration invoiceWithin) {
        this.process = process;
        this.businessExceptions = businessExceptions;
        this.acknowledgeWithin = acknowledgeWithin;
        this.invoiceWithin = invoiceWithin;
    }

    /** Raises every breach not raised before; returns how many were raised now. */
    public int check() throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return raise(ProcessStep.RECEIVED, ProcessStep.ACKNOWLEDGED, "ack_overdue_at", now, acknowledgeWithin, "acknowledged")
                + raise(ProcessStep.SHIPPED, ProcessStep.INVOICED, "invoice_overdue_at", now, invoiceWithin, "invoiced");
    }

    private int raise(ProcessStep from, ProcessStep awaited, String raisedColumn, OffsetDateTime now, Duration within, String what)
            throws SQLException {
        int raised = 0;
        int batch;
        do {
            batch = process.raiseOverdue(from, awaited, raisedColumn, now.minus(within), BATCH, (tx, order) -> businessExceptions.raise(tx,
                    order.partner() + "/" + order.poNumber(), order.partner(), "sla", "PO " + order.poNumber() + " from " + order.partner()
                            + " reached " + from.name().toLowerCase(java.util.Locale.ROOT) + " at " + order.since() + " and is still not "
                            + what + " after " + within, order.correlationId()));
            raised += batch;
        } while (batch == BATCH);
        return raised;
    }
}
