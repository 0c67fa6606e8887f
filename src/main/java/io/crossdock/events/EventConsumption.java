package io.crossdock.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Named;

import io.crossdock.canonical.EventType;
import io.crossdock.canonical.ExchangeNames;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The steps of {@code routes/events/event-consumer.yaml} that need code: a poll's events applied
 * in one transaction (the fast path), and one event alone (the slow path, retried and
 * dead-lettered by its route). The inbox makes either apply an event at most once per consumer.
 */
@Named("eventConsumption")
@ApplicationScoped
public class EventConsumption {

    private final Map<String, EventHandler> handlers;
    private final EventInbox inbox;
    private final EventMetrics metrics;

    public EventConsumption(Instance<EventHandler> handlers, EventInbox inbox, EventMetrics metrics) {
        this.handlers = handlers.stream().collect(Collectors.toMap(EventHandler::consumer, Function.identity()));
        this.inbox = inbox;
        this.metrics = metrics;
    }

    /** Every event handler in this process, by consumer name. */
    public Map<String, EventHandler> handlers() {
        return handlers;
    }

    /**
     * Applies a poll's readable events in one transaction.
     *
     * @return the records left for the slow path: those that are not readable events, and every one of a batch that failed
     */
    public List<Message> applyBatch(String consumer, List<?> records) {
        EventHandler handler = handler(consumer);
        List<Message> readable = new ArrayList<>();
        List<Message> oneByOne = new ArrayList<>();
        List<ConsumedEvent> events = new ArrayList<>();
        for (Object record : records) {
            Exchange exchange = (Exchange) record;
            try {
                events.add(KafkaExchanges.consumedEvent(exchange));
                readable.add(exchange.getMessage());
            } catch (UnreadableEventException e) {
                oneByOne.add(exchange.getMessage());
            }
        }
        try {
            Set<String> applied = inbox.applyBatch(handler, events);
            for (ConsumedEvent event : events) {
                if (applied.contains(event.id())) {
                    metrics.consumed(event.type().orElse(null), consumer);
                } else {
                    metrics.skippedDuplicate(event.type().orElse(null), consumer);
                }
            }
        } catch (Exception batchFailed) {
            oneByOne.addAll(readable);
        }
        return oneByOne;
    }

    /** Applies one event; what it throws is retried or dead-lettered by the calling route. */
    public void applyOne(String consumer, Exchange exchange) throws Exception {
        EventHandler handler = handler(consumer);
        // Counted in a property: the dead-letter channel restores the original message, not its headers.
        exchange.setProperty(ExchangeNames.ATTEMPTS, exchange.getProperty(ExchangeNames.ATTEMPTS, 0, Integer.class) + 1);
        ConsumedEvent event = KafkaExchanges.consumedEvent(exchange);
        EventType type = event.type().orElse(null);
        try {
            if (inbox.applyOnce(handler, event)) {
                metrics.consumed(type, consumer);
            } else {
                metrics.skippedDuplicate(type, consumer);
            }
        } catch (Exception e) {
            metrics.failed(type, consumer);
            throw e;
        }
    }

    private EventHandler handler(String consumer) {
        EventHandler handler = handlers.get(consumer);
        if (handler == null) {
            throw new IllegalStateException("no event handler is named " + consumer);
        }
        return handler;
    }
}
