package io.crossdock.events;

/** Where an event landed: durably on its topic, at this partition and offset. */
public record PublishedEvent(String eventId, String type, String businessKey, String topic, int partition,
        long offset) {
}
