package io.crossdock.events;

import java.sql.Connection;
import java.util.Set;

import io.crossdock.canonical.EventFamily;

/**
 * A consumer of one or more event families. Each handler is its own consumer group, so any number of them
 * react to the same events independently. {@link #apply} runs at most once per event id: writes
 * through {@code tx} commit together with the record that the event was applied. An effect outside
 * the store (a call to Odoo, a file) must itself be idempotent by the event's business key, since a
 * crash after it and before the commit brings the event back.
 */
public interface EventHandler {

    /** The consumer group and idempotency scope, e.g. {@code order-intake}. */
    String consumer();

    /** The families whose topics it reads. */
    Set<EventFamily> families();

    /** Topics besides the families' (such as the intake's inbound documents); default none. */
    default Set<String> otherTopics() {
        return Set.of();
    }

    void apply(ConsumedEvent event, Connection tx) throws Exception;

    /** Applies several events in one transaction; override to write them in one round trip. */
    default void applyAll(java.util.Collection<ConsumedEvent> events, Connection tx) throws Exception {
        for (ConsumedEvent event : events) {
            apply(event, tx);
        }
    }
}
