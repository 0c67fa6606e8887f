package io.crossdock.orchestration;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;

import io.crossdock.canonical.EventFamily;
import io.crossdock.canonical.ExchangeNames;
import io.crossdock.canonical.Order;
import io.crossdock.events.ConsumedEvent;
import io.crossdock.events.EventFlow;
import io.crossdock.events.EventHandler;
import io.quarkus.arc.lookup.LookupIfProperty;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * The event consumer {@code orders-to-odoo} in front of {@code routes/orders/order-to-odoo.yaml}:
 * each OrderReceived runs that flow once, with retries for Odoo being away
 * ({@code routes/events/event-consumer.yaml}).
 */
@Named("ordersToOdoo")
@ApplicationScoped
public class OrdersToOdoo {

    public static final String ROUTE = "direct:orders-to-odoo";

    private final OrderProcess process;

    public OrdersToOdoo(OrderProcess process) {
        this.process = process;
    }

    @Produces
    @ApplicationScoped
    @LookupIfProperty(name = "crossdock.orders.to-odoo.enabled", stringValue = "true")
    static EventHandler consumer(ProducerTemplate routes) {
        return new EventFlow("orders-to-odoo", Set.of(EventFamily.ORDERS), Set.of(), ROUTE, routes);
    }

    /** The event's order becomes the body, and the order's timeline notes it was received. */
    public void received(Exchange exchange) throws Exception {
        ConsumedEvent event = exchange.getMessage().getBody(ConsumedEvent.class);
        Order order = event.data(Order.class);
        process.mark(order.partner(), order.poNumber(), ProcessStep.RECEIVED,
                event.event().getTime() != null ? event.event().getTime() : OffsetDateTime.now(ZoneOffset.UTC), event.correlationId());
        exchange.getMessage().setBody(order);
        exchange.getMessage().setHeader(ExchangeNames.PARTNER, order.partner());
        if (event.businessKey() == null) {
            exchange.getMessage().setHeader(ExchangeNames.BUSINESS_KEY, order.poNumber());
        }
    }
}
