package io.crossdock.events;

import java.util.UUID;

/**
 * Where an event comes from: the correlation id that follows the transaction from its first byte,
 * the trading partner if any, and the component that publishes it.
 *
 * @param eventId set to make a republish the same event (consumers drop repeats by id); null for a new id
 */
public record EventContext(String correlationId, String partner, String source, String eventId) {

    public static EventContext of(String correlationId, String partner, String source) {
        return new EventContext(correlationId, partner, source, null);
    }

    String eventIdOrNew() {
        return eventId != null ? eventId : UUID.randomUUID().toString();
    }
}
