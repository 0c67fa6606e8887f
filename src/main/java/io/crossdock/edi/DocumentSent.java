package io.crossdock.edi;

import java.time.OffsetDateTime;

import io.crossdock.canonical.EventType;
import io.crossdock.events.ConsumedEvent;

/**
 * A CDI event fired when an EDI document made from a business event is in the partner's outbox,
 * for whoever keeps count of what a partner has been told (the order process marks its 855, 856
 * and 810 steps from it). Observers run inside the sending consumer's transaction.
 */
public record DocumentSent(String partner, String transactionSet, EventType cause, ConsumedEvent event, String fileName,
        OffsetDateTime at) {
}
