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

    /**
     * A context whose event id is derived from what identifies the event (a PO and the event's name,
     * a picking and its completion), so seeing the same thing again republishes the same event,
     * which consumers drop as a repeat.
     */
    public static EventContext derived(String correlationId, String partner, String source, Object... identity) {
        String joined = java.util.Arrays.stream(identity).map(String::valueOf).collect(java.util.stream.Collectors.joining("|"));
        return new EventContext(correlationId, partner, source,
                UUID.nameUUIDFromBytes(joined.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
    }

    String eventIdOrNew() {
        return eventId != null ? eventId : UUID.randomUUID().toString();
    }
}
