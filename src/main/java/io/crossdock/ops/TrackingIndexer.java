package io.crossdock.ops;

import java.sql.Connection;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.crossdock.canonical.EventFamily;
import io.crossdock.events.ConsumedEvent;
import io.crossdock.events.EventHandler;
import io.quarkus.arc.lookup.LookupIfProperty;

/**
 * Files every business event under its business key and correlation id, as one more independent
 * consumer of every family: the publishers' path stays free of tracking writes.
 */
@ApplicationScoped
@LookupIfProperty(name = "crossdock.tracking.indexer.enabled", stringValue = "true", lookupIfMissing = true)
public class TrackingIndexer implements EventHandler {

    private final Tracking tracking;

    public TrackingIndexer(Tracking tracking) {
        this.tracking = tracking;
    }

    @Override
    public String consumer() {
        return "tracking-indexer";
    }

    @Override
    public Set<EventFamily> families() {
        return EnumSet.allOf(EventFamily.class);
    }

    @Override
    public void apply(ConsumedEvent event, Connection tx) throws Exception {
        tracking.record(tx, entryFor(event));
    }

    @Override
    public void applyAll(Collection<ConsumedEvent> events, Connection tx) throws Exception {
        tracking.recordAll(tx, events.stream().map(TrackingIndexer::entryFor).toList());
    }

    private static TrackingEntry entryFor(ConsumedEvent event) {
        String name = event.type().map(t -> t.eventName()).orElse(event.event().getType());
        Object partner = event.event().getExtension("partner");
        OffsetDateTime at = event.event().getTime() != null ? event.event().getTime() : OffsetDateTime.now(ZoneOffset.UTC);
        return TrackingEntry.of("EVENT_PUBLISHED", "kafka",
                        name + " published by " + event.event().getSource(), event.businessKey(),
                        partner == null ? null : partner.toString(), event.correlationId())
                .at(at)
                .withEvent(event.id(), event.event().getType())
                .withKafka(event.topic(), event.partition(), event.offset());
    }
}
