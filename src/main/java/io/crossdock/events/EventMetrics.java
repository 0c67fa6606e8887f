package io.crossdock.events;

import jakarta.enterprise.context.ApplicationScoped;

import io.crossdock.canonical.EventType;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counters per event type, exported in Prometheus format as
 * {@code crossdock_events_total{type, outcome}}: published, refused (invalid), publish_failed,
 * consumed, skipped_duplicate, failed, dead_lettered, replayed.
 */
@ApplicationScoped
public class EventMetrics {

    private final MeterRegistry registry;

    public EventMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void published(EventType type) {
        count(type, "published", null);
    }

    public void refused(EventType type) {
        count(type, "refused", null);
    }

    public void publishFailed(EventType type) {
        count(type, "publish_failed", null);
    }

    public void consumed(EventType type, String consumer) {
        count(type, "consumed", consumer);
    }

    public void skippedDuplicate(EventType type, String consumer) {
        count(type, "skipped_duplicate", consumer);
    }

    public void failed(EventType type, String consumer) {
        count(type, "failed", consumer);
    }

    public void deadLettered(EventType type, String consumer) {
        count(type, "dead_lettered", consumer);
    }

    public void replayed(EventType type) {
        count(type, "replayed", null);
    }

    private void count(EventType type, String outcome, String consumer) {
        registry.counter("crossdock.events", "type", type == null ? "unknown" : type.eventName(),
                "outcome", outcome, "consumer", consumer == null ? "" : consumer).increment();
    }
}
