package io.crossdock.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import jakarta.inject.Inject;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.kafka.CloudEventSerializer;
import io.crossdock.canonical.CanonicalJson;
import io.crossdock.canonical.CanonicalSamples;
import io.crossdock.canonical.EventType;
import io.crossdock.canonical.InventoryPosition;
import io.crossdock.canonical.Quantity;
import io.crossdock.events.EventContext;
import io.crossdock.events.EventPublisher;
import io.crossdock.testing.KafkaTestResource;
import io.crossdock.testing.SftpTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Load harness, not a test (it asserts nothing about time and is not run by {@code mvn verify}):
 * events/s and publish-to-consume latency through the hub's path (schema validation on publish,
 * CloudEvents parsing, idempotency record in PostgreSQL per event, tracking indexer running)
 * against the raw kafka-clients producer and consumer on the same in-process broker, in one run.
 *
 * <pre>bin/test-database && mvn test -Dtest=EventBackboneBenchmark -Dbench.events=20000</pre>
 *
 * Writes target/benchmarks/event-backbone.md.
 */
@QuarkusTest
@TestProfile(EventBackboneBenchmark.Bench.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(SftpTestResource.class)
class EventBackboneBenchmark {

    private static final int EVENTS = Integer.getInteger("bench.events", 20_000);
    private static final int RATE = Integer.getInteger("bench.rate", 1_000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final int RATE_SECONDS = Integer.getInteger("bench.rate-seconds", 10);

    @Inject
    EventPublisher publisher;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void run() throws Exception {
        warmUp();
        List<Result> raws = new ArrayList<>();
        List<Result> hubs = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            raws.add(rawThroughput());
            hubs.add(hubThroughput());
        }
        Latency rawLatency = rawLatencyAtRate();
        Latency hubLatency = hubLatencyAtRate();
        report(median(raws), median(hubs), hubs, raws, rawLatency, hubLatency);
    }

    private static Result median(List<Result> results) {
        return results.stream().sorted(java.util.Comparator.comparingDouble(Result::perSecond))
                .toList().get(results.size() / 2);
    }

    private void warmUp() throws Exception {
        long before = BenchmarkHandler.APPLIED.get();
        publishHub(2_000);
        awaitApplied(before + 2_000);
        try (var producer = rawProducer(); var consumer = rawConsumer("bench.raw")) {
            sendRaw(producer, "bench.raw", 2_000, false);
            drain(consumer, 2_000, null);
        }
    }

    private Result rawThroughput() throws Exception {
        String topic = "bench.raw." + UUID.randomUUID();
        try (var producer = rawProducer(); var consumer = rawConsumer(topic)) {
            consumer.poll(Duration.ofMillis(100));
            long start = System.nanoTime();
            sendRaw(producer, topic, EVENTS, false);
            rawPublishNanos = System.nanoTime() - start;
            drain(consumer, EVENTS, null);
            return new Result(EVENTS, System.nanoTime() - start);
        }
    }

    private Result hubThroughput() throws Exception {
        long before = BenchmarkHandler.APPLIED.get();
        long start = System.nanoTime();
        publishHub(EVENTS);
        hubPublishNanos = System.nanoTime() - start;
        awaitApplied(before + EVENTS);
        return new Result(EVENTS, System.nanoTime() - start);
    }

    private long hubPublishNanos;
    private long rawPublishNanos;

    private Latency rawLatencyAtRate() throws Exception {
        String topic = "bench.raw.rate." + UUID.randomUUID();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        int total = RATE * RATE_SECONDS;
        try (var producer = rawProducer(); var consumer = rawConsumer(topic)) {
            consumer.poll(Duration.ofMillis(100));
            AtomicBoolean done = new AtomicBoolean();
            Thread reader = new Thread(() -> drain(consumer, total, latencies));
            reader.start();
            paced(total, i -> producer.send(new ProducerRecord<>(topic, "k" + (i % 64), event(i))));
            reader.join();
            done.set(true);
        }
        return Latency.of(latencies);
    }

    private Latency hubLatencyAtRate() throws Exception {
        BenchmarkHandler.LATENCIES_MICROS.clear();
        BenchmarkHandler.recordLatency = true;
        long before = BenchmarkHandler.APPLIED.get();
        int total = RATE * RATE_SECONDS;
        paced(total, i -> publisher.publish(EventType.INVENTORY_ADJUSTED, position(i),
                EventContext.of("bench", null, "/crossdock/bench")));
        awaitApplied(before + total);
        BenchmarkHandler.recordLatency = false;
        return Latency.of(BenchmarkHandler.LATENCIES_MICROS);
    }

    private void publishHub(int count) throws Exception {
        List<CompletableFuture<?>> sends = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            sends.add(publisher.publish(EventType.INVENTORY_ADJUSTED, position(i),
                    EventContext.of("bench", null, "/crossdock/bench")));
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get();
    }

    private static void awaitApplied(long target) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (BenchmarkHandler.APPLIED.get() < target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + BenchmarkHandler.APPLIED.get() + " of " + target + " applied");
            }
            Thread.sleep(5);
        }
    }

    private static void paced(int total, java.util.function.IntConsumer send) {
        long interval = 1_000_000_000L / RATE;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            send.accept(i);
        }
    }

    private static InventoryPosition position(int i) {
        return new InventoryPosition(CanonicalSamples.product(), "WH/Stock/" + (i % 64), Quantity.of(
                String.valueOf(i), "EA"), Quantity.of(String.valueOf(i), "EA"), OffsetDateTime.now(ZoneOffset.UTC));
    }

    private static CloudEvent event(int i) {
        try {
            return CloudEventBuilder.v1().withId(UUID.randomUUID().toString())
                    .withSource(URI.create("/crossdock/bench")).withType("io.crossdock.bench.Raw.v1")
                    .withTime(OffsetDateTime.now(ZoneOffset.UTC)).withDataContentType("application/json")
                    .withData(CanonicalJson.MAPPER.writeValueAsBytes(position(i))).build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sendRaw(KafkaProducer<String, CloudEvent> producer, String topic, int count,
            boolean unused) throws Exception {
        List<java.util.concurrent.Future<?>> sends = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            sends.add(producer.send(new ProducerRecord<>(topic, "k" + (i % 64), event(i))));
        }
        for (var send : sends) {
            send.get();
        }
    }

    private static void drain(KafkaConsumer<String, CloudEvent> consumer, int count, ConcurrentLinkedQueue<Long> latencies) {
        int seen = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (seen < count && System.nanoTime() < deadline) {
            for (var record : consumer.poll(Duration.ofMillis(200))) {
                seen++;
                if (latencies != null) {
                    latencies.add(Duration.between(record.value().getTime(), OffsetDateTime.now()).toNanos() / 1_000);
                }
            }
            consumer.commitSync();
        }
    }

    private KafkaProducer<String, CloudEvent> rawProducer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"), new StringSerializer(), new CloudEventSerializer());
    }

    private KafkaConsumer<String, CloudEvent> rawConsumer(String topic) {
        KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-raw-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new CloudEventDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private void report(Result raw, Result hub, List<Result> hubs, List<Result> raws, Latency rawLatency,
            Latency hubLatency) throws IOException {
        String machine = machine();
        String table = """
                # Event backbone benchmark

                %s, %s. In-process KRaft broker, the machine's PostgreSQL, %d events of %s,
                median of %d rounds (hub rounds: %s events/s; raw rounds: %s events/s).

                | path | events/s end to end | ratio to raw | of which publishing alone, events/s |
                |---|---:|---:|---:|
                | raw kafka-clients producer and consumer | %.0f | 1.00 | %.0f |
                | hub: validated publish, idempotent consume (PostgreSQL) | %.0f | %.2f | %.0f |

                Publishing alone: until every send was acknowledged (the hub's consumer already works then;
                the raw consumer starts after). The tracking indexer, a second consumer group, is off here
                so both sides run one producer and one consumer group.

                Publish-to-consume latency at %d events/s for %d s:

                | path | p50 ms | p99 ms | max ms |
                |---|---:|---:|---:|
                | raw | %.1f | %.1f | %.1f |
                | hub | %.1f | %.1f | %.1f |
                """.formatted(LocalDate.now(), machine, EVENTS, EventType.INVENTORY_ADJUSTED.eventName(), ROUNDS,
                rates(hubs), rates(raws),
                raw.perSecond(), EVENTS / (rawPublishNanos / 1e9), hub.perSecond(), hub.perSecond() / raw.perSecond(),
                EVENTS / (hubPublishNanos / 1e9), RATE, RATE_SECONDS,
                rawLatency.p50(), rawLatency.p99(), rawLatency.max(), hubLatency.p50(), hubLatency.p99(),
                hubLatency.max());
        Path out = Path.of("target", "benchmarks", "event-backbone.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table, StandardCharsets.UTF_8);
        System.out.println(table);
    }

    private static String rates(List<Result> results) {
        return results.stream().map(r -> String.format("%.0f", r.perSecond()))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
        } catch (IOException ignored) {
            // not Linux: the core count still tells the reader something
        }
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), Java "
                + Runtime.version().feature();
    }

    record Result(int events, long nanos) {
        double perSecond() {
            return events / (nanos / 1e9);
        }
    }

    record Latency(double p50, double p99, double max) {
        static Latency of(java.util.Collection<Long> micros) {
            long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
            if (sorted.length == 0) {
                return new Latency(Double.NaN, Double.NaN, Double.NaN);
            }
            return new Latency(sorted[(int) (sorted.length * 0.50)] / 1000.0,
                    sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))] / 1000.0,
                    sorted[sorted.length - 1] / 1000.0);
        }
    }

    public static class Bench implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("crossdock.bench.enabled", "true", "crossdock.tracking.indexer.enabled", "false");
        }
    }
}
