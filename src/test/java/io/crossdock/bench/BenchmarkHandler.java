package io.crossdock.bench;

import java.sql.Connection;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.crossdock.canonical.EventFamily;
import io.crossdock.events.ConsumedEvent;
import io.crossdock.events.EventHandler;
import io.quarkus.arc.lookup.LookupIfProperty;

/** The benchmark's consumer: applies each inventory event once (through the inbox) and notes its latency. */
@ApplicationScoped
@LookupIfProperty(name = "crossdock.bench.enabled", stringValue = "true")
public class BenchmarkHandler implements EventHandler {

    static final AtomicLong APPLIED = new AtomicLong();
    static final ConcurrentLinkedQueue<Long> LATENCIES_MICROS = new ConcurrentLinkedQueue<>();
    static volatile boolean recordLatency;

    @Override
    public String consumer() {
        return "bench-consumer";
    }

    @Override
    public Set<EventFamily> families() {
        return Set.of(EventFamily.INVENTORY);
    }

    @Override
    public void apply(ConsumedEvent event, Connection tx) {
        if (recordLatency) {
            OffsetDateTime sent = event.event().getTime();
            LATENCIES_MICROS.add(Duration.between(sent, OffsetDateTime.now()).toNanos() / 1_000);
        }
        APPLIED.incrementAndGet();
    }
}
