package io.crossdock.events;

import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.cloudevents.CloudEvent;
import io.crossdock.canonical.CanonicalJson;
import io.crossdock.canonical.EventType;

/** An event as a consumer received it, with where it was read from. */
public record ConsumedEvent(CloudEvent event, String topic, int partition, long offset) {

    public String id() {
        return event.getId();
    }

    public Optional<EventType> type() {
        return EventType.byCloudEventType(event.getType());
    }

    public String businessKey() {
        return event.getSubject();
    }

    public String correlationId() {
        Object value = event.getExtension("correlationid");
        return value == null ? null : value.toString();
    }

    /** The data bound to its canonical type. */
    public <T> T data(Class<T> type) {
        try {
            return CanonicalJson.MAPPER.readValue(event.getData().toBytes(), type);
        } catch (java.io.IOException e) {
            throw new UnreadableEventException("event " + id() + " data is not a " + type.getSimpleName() + ": "
                    + e.getMessage(), e);
        }
    }
}
