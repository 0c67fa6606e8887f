package io.crossdock.events;

import java.sql.Connection;
import java.util.Set;

import io.crossdock.canonical.EventFamily;
import io.crossdock.canonical.ExchangeNames;
import org.apache.camel.CamelExchangeException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;

/**
 * An event handler whose work is a route in {@code routes/}: each event, once, runs the route with
 * the event as its body and the inbox transaction in {@link ExchangeNames#TRANSACTION}. What the
 * route throws goes back to the consumer, to be retried or dead-lettered.
 */
public class EventFlow implements EventHandler {

    private final String consumer;
    private final Set<EventFamily> families;
    private final Set<String> otherTopics;
    private final String route;
    private final ProducerTemplate routes;

    /** @param route the flow's first endpoint, e.g. {@code direct:edi-outbound} */
    public EventFlow(String consumer, Set<EventFamily> families, Set<String> otherTopics, String route, ProducerTemplate routes) {
        this.consumer = consumer;
        this.families = Set.copyOf(families);
        this.otherTopics = Set.copyOf(otherTopics);
        this.route = route;
        this.routes = routes;
    }

    @Override
    public String consumer() {
        return consumer;
    }

    @Override
    public Set<EventFamily> families() {
        return families;
    }

    @Override
    public Set<String> otherTopics() {
        return otherTopics;
    }

    @Override
    public void apply(ConsumedEvent event, Connection tx) throws Exception {
        Exchange done = routes.send(route, exchange -> {
            exchange.setProperty(ExchangeNames.TRANSACTION, tx);
            Message message = exchange.getMessage();
            message.setBody(event);
            message.setHeader(ExchangeNames.EVENT_TYPE, event.event().getType());
            message.setHeader(ExchangeNames.CORRELATION_ID, event.correlationId());
            message.setHeader(ExchangeNames.BUSINESS_KEY, event.businessKey());
            Object partner = event.event().getExtension("partner");
            if (partner != null) {
                message.setHeader(ExchangeNames.PARTNER, partner.toString());
            }
        });
        if (done.getException() != null) {
            throw unwrapped(done.getException());
        }
    }

    /** What failed, not the splitter that saw it fail: a permanent failure stays recognisable as one. */
    private static Exception unwrapped(Exception failure) {
        Exception cause = failure;
        while (cause instanceof CamelExchangeException && cause.getCause() instanceof Exception inner) {
            cause = inner;
        }
        return cause;
    }

    @Override
    public String toString() {
        return consumer + " → " + route;
    }
}
