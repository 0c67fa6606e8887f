package io.crossdock.events;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The event backbone's settings; every one can be overridden by an environment variable. */
@ConfigMapping(prefix = "crossdock.events")
public interface EventBackboneConfig {

    /** Topic per event family: {@code crossdock.events.topics.orders=crossdock.orders}. */
    Map<String, String> topics();

    /** Partitions of each event topic the hub creates at start when it is missing (a dead-letter topic has one). */
    @WithDefault("3")
    int partitions();

    /** Replicas of each topic the hub creates, dead-letter topics included. */
    @WithDefault("1")
    short replicationFactor();

    /** How long events are kept on their topics (and so how far back a time-range replay reaches). */
    @WithDefault("P14D")
    Duration retention();

    /** How long dead letters are kept. */
    @WithDefault("P30D")
    Duration deadLetterRetention();

    /** Where the canonical JSON Schemas are read from. */
    @WithDefault("mappings/canonical")
    String schemasDir();

    /** Producer batching delay: a little latency for much better throughput. */
    @WithDefault("5")
    int lingerMs();

    /** Consumers apply what arrived within this many ms in one transaction (at most a poll's worth). */
    @WithDefault("20")
    long batchWindowMs();

    /** How often consumer lag ({@code crossdock_events_consumer_lag}) is measured (ms). */
    @WithDefault("15000")
    long lagIntervalMs();

    /**
     * Transient failures: retried with exponential backoff and jitter, then dead-lettered. Per consumer:
     * {@code crossdock.events.consumers.<consumer>.max-redeliveries} (and initial-delay-ms, multiplier, max-delay-ms).
     */
    Retry retry();

    /** Per-consumer overrides of the retry settings: {@code crossdock.events.consumers.<consumer>.max-redeliveries}. */
    Map<String, ConsumerSettings> consumers();

    Replay replay();

    interface Replay {
        /** The most records one time-range replay may resend. */
        @WithDefault("100000")
        int maxRecords();
    }

    interface ConsumerSettings {
        Optional<Integer> maxRedeliveries();

        Optional<Long> initialDelayMs();

        Optional<Double> multiplier();

        Optional<Long> maxDelayMs();

        Optional<Integer> maxPollRecords();

        /** Consumer threads in this pod (default: the family's partition count). */
        Optional<Integer> threads();
    }

    interface Retry {
        /** Attempts after the first before a message is dead-lettered. */
        @WithDefault("4")
        int maxRedeliveries();

        /** The first retry's delay (ms); each next one is multiplier times longer, up to max-delay-ms. */
        @WithDefault("200")
        long initialDelayMs();

        @WithDefault("2.0")
        double multiplier();

        @WithDefault("10000")
        long maxDelayMs();
    }
}
