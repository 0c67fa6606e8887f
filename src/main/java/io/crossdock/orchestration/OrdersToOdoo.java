package io.crossdock.orchestration;

import java.sql.Connection;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.crossdock.canonical.EventFamily;
import io.crossdock.canonical.EventType;
import io.crossdock.canonical.Order;
import io.crossdock.events.ConsumedEvent;
import io.crossdock.events.EventHandler;
import io.crossdock.events.PermanentFailure;
import io.crossdock.odoo.OdooAccessException;
import io.crossdock.odoo.OdooAuthenticationException;
import io.crossdock.odoo.OdooMissingRecordException;
import io.crossdock.odoo.OdooServerException;
import io.crossdock.odoo.OdooValidationException;
import io.crossdock.ops.BusinessExceptions;
import io.quarkus.arc.lookup.LookupIfProperty;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * The event consumer in front of {@code routes/orders/order-to-odoo.yaml}: each
 * {@code OrderReceived} runs that route once (the event backbone's inbox), with retries for Odoo
 * being away. What Odoo refuses for good is a business exception and a dead letter, so a person
 * can fix Odoo and replay it; a replay cannot make a second sale order, because the route looks
 * for the PO in Odoo first.
 */
@ApplicationScoped
@LookupIfProperty(name = "crossdock.orders.to-odoo.enabled", stringValue = "true", lookupIfMissing = true)
public class OrdersToOdoo implements EventHandler {

    static final String ROUTE = "direct:order-to-odoo";

    private final ProducerTemplate routes;
    private final BusinessExceptions businessExceptions;
    private final OrderProcess process;

    public OrdersToOdoo(ProducerTemplate routes, BusinessExceptions businessExceptions, OrderProcess process) {
        this.routes = routes;
        this.businessExceptions = businessExceptions;
        this.process = process;
    }

    @Override
    public String consumer() {
        return "orders-to-odoo";
    }

    @Override
    public Set<EventFamily> families() {
        return Set.of(EventFamily.ORDERS);
    }

    @Override
    public void apply(ConsumedEvent event, Connection tx) throws Exception {
        if (event.type().orElse(null) != EventType.ORDER_RECEIVED) {
            return;
        }
        Order order = event.data(Order.class);
        process.mark(order.partner(), order.poNumber(), ProcessStep.RECEIVED, event.event().getTime() != null ? event.event().getTime()
                : java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC), event.correlationId());
        Exchange done = routes.send(ROUTE, exchange -> {
            exchange.getMessage().setBody(order);
            exchange.getMessage().setHeaders(Map.of("correlationId", String.valueOf(event.correlationId()), "partner", order.partner(),
                    BusinessExceptions.BUSINESS_KEY, event.businessKey() == null ? order.poNumber() : event.businessKey()));
        });
        Exception failure = done.getException();
        if (failure == null) {
            return;
        }
        if (failure instanceof OdooValidationException || failure instanceof OdooAccessException
                || failure instanceof OdooMissingRecordException || failure instanceof OdooServerException
                || failure instanceof OdooAuthenticationException) {
            done.setProperty(Exchange.EXCEPTION_CAUGHT, failure);
            done.getMessage().setHeader(BusinessExceptions.SYSTEM, "odoo");
            businessExceptions.record(done);
            throw new OrderNotPlacedException("Odoo refused PO " + order.poNumber() + " of " + order.partner() + ": "
                    + failure.getMessage(), failure);
        }
        throw failure;
    }

    /** Odoo refused the order for a reason a retry cannot change. */
    static class OrderNotPlacedException extends RuntimeException implements PermanentFailure {
        OrderNotPlacedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
