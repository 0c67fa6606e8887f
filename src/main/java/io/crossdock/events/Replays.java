package io.crossdock.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;
import io.crossdock.canonical.CanonicalJson;
import io.crossdock.canonical.EventFamily;
import io.crossdock.canonical.EventType;
import io.crossdock.store.Store;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends events again, exactly as they were (same id, key, headers and bytes), to their original
 * topic. Consumers apply by event id, so a replay reaches those that missed or failed the event and
 * is skipped by those that applied it. Every replay is recorded: who, what, when, how many.
 */
@ApplicationScoped
public class Replays {

    private final Store store;
    private final EventTopics topics;
    private final EventMetrics metrics;
    private final String bootstrapServers;
    private final int maxRecords;
    private final KafkaProducer<String, byte[]> producer;

    public Replays(Store store, EventTopics topics, EventMetrics metrics,
            EventBackboneConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.store = store;
        this.topics = topics;
        this.metrics = metrics;
        this.bootstrapServers = bootstrapServers;
        this.maxRecords = config.replay().maxRecords();
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "crossdock-replay",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Replays one dead letter (and settles every other dead letter of the same event with it). */
    public ReplayResult deadLetter(String deadLetterId, String operator) throws Exception {
        DeadLetter letter = findDeadLetter(deadLetterId)
                .orElseThrow(() -> new NoSuchDeadLetterException(deadLetterId));
        List<DeadLetter> replayed = replayOnce(List.of(letter), operator);
        return record(operator, "DEAD_LETTER", deadLetterId, replayed);
    }

    /** Replays every open dead letter of a business key, each event once. */
    public ReplayResult businessKey(String businessKey, String operator) throws Exception {
        List<DeadLetter> open = query("select * from dead_letter where business_key = ? and status = 'DEAD'"
                + " order by dead_lettered_at", businessKey);
        return record(operator, "BUSINESS_KEY", businessKey, replayOnce(open, operator));
    }

    /** Replays every record an event family's topic received between two instants. */
    public ReplayResult timeRange(EventFamily family, Instant from, Instant to, String operator) throws Exception {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("'from' must be before 'to'");
        }
        String topic = topics.topicOf(family);
        int sent = 0;
        try (KafkaConsumer<String, byte[]> reader = reader()) {
            List<TopicPartition> partitions = reader.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            reader.assign(partitions);
            Map<TopicPartition, Long> starts = new HashMap<>();
            partitions.forEach(p -> starts.put(p, from.toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> startOffsets = reader.offsetsForTimes(starts);
            Map<TopicPartition, Long> ends = reader.endOffsets(partitions);
            List<TopicPartition> active = new ArrayList<>();
            for (TopicPartition partition : partitions) {
                OffsetAndTimestamp start = startOffsets.get(partition);
                if (start != null && start.offset() < ends.get(partition)) {
                    reader.seek(partition, start.offset());
                    active.add(partition);
                }
            }
            while (!active.isEmpty()) {
                for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (!active.contains(partition)) {
                        continue;
                    }
                    if (record.timestamp() >= to.toEpochMilli()) {
                        active.remove(partition);
                        continue;
                    }
                    send(topic, record.key(), record.headers(), record.value());
                    if (++sent > maxRecords) {
                        throw new IllegalArgumentException("the range holds more than " + maxRecords
                                + " records (crossdock.events.replay.max-records): replay a narrower range");
                    }
                }
                // Records that arrive while replaying (including the replayed ones) are not part of the range.
                active.removeIf(partition -> reader.position(partition) >= ends.get(partition));
                reader.pause(partitions.stream().filter(p -> !active.contains(p)).toList());
            }
        }
        producer.flush();
        return recordCount(operator, "TIME_RANGE", family.id() + " " + from + ".." + to, sent);
    }

    private List<DeadLetter> replayOnce(List<DeadLetter> letters, String operator) throws Exception {
        Map<String, DeadLetter> byEvent = new LinkedHashMap<>();
        letters.forEach(letter -> byEvent.putIfAbsent(letter.eventKey(), letter));
        List<DeadLetter> replayed = new ArrayList<>();
        for (DeadLetter letter : byEvent.values()) {
            if (!claim(letter, operator)) {
                continue; // replayed already, by this request's twin or an earlier one
            }
            try {
                send(letter.topic(), letter.key(), letter.headers(), letter.value()).get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                release(letter);
                throw e;
            }
            metrics.replayed(EventType.byCloudEventType(letter.eventType()).orElse(null));
            replayed.add(letter);
        }
        return replayed;
    }

    private java.util.concurrent.Future<?> send(String topic, String key, org.apache.kafka.common.header.Headers headers,
            byte[] value) {
        return producer.send(new ProducerRecord<>(topic, null, key, value, new RecordHeaders(headers.toArray())));
    }

    private java.util.concurrent.Future<?> send(String topic, String key, Map<String, byte[]> headers, byte[] value) {
        RecordHeaders recordHeaders = new RecordHeaders();
        headers.forEach(recordHeaders::add);
        return send(topic, key, recordHeaders, value);
    }

    /** Marks the event's open dead letters as replayed; false if none was open any more. */
    private boolean claim(DeadLetter letter, String operator) throws SQLException {
        try (Connection db = store.dataSource().getConnection();
                PreparedStatement update = db.prepareStatement(letter.eventId() != null
                        ? "update dead_letter set status = 'REPLAYED', replayed_at = ?, replayed_by = ?"
                                + " where event_id = ? and status = 'DEAD'"
                        : "update dead_letter set status = 'REPLAYED', replayed_at = ?, replayed_by = ?"
                                + " where dead_letter_id = ? and status = 'DEAD'")) {
            update.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
            update.setString(2, operator);
            update.setString(3, letter.eventId() != null ? letter.eventId() : letter.id());
            return update.executeUpdate() > 0;
        }
    }

    private void release(DeadLetter letter) throws SQLException {
        try (Connection db = store.dataSource().getConnection();
                PreparedStatement update = db.prepareStatement("update dead_letter set status = 'DEAD',"
                        + " replayed_at = null, replayed_by = null where "
                        + (letter.eventId() != null ? "event_id = ?" : "dead_letter_id = ?"))) {
            update.setString(1, letter.eventId() != null ? letter.eventId() : letter.id());
            update.executeUpdate();
        }
    }

    private ReplayResult record(String operator, String kind, String target, List<DeadLetter> replayed)
            throws SQLException {
        return recordCount(operator, kind, target, replayed.size());
    }

    private ReplayResult recordCount(String operator, String kind, String target, int count) throws SQLException {
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection db = store.dataSource().getConnection();
                PreparedStatement insert = db.prepareStatement("insert into replay (replay_id, requested_by,"
                        + " requested_at, kind, target, events_replayed) values (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, operator);
            insert.setObject(3, now);
            insert.setString(4, kind);
            insert.setString(5, target);
            insert.setInt(6, count);
            insert.executeUpdate();
        }
        return new ReplayResult(id, kind, target, operator, now, count);
    }

    public java.util.Optional<DeadLetter> findDeadLetter(String id) throws Exception {
        return query("select * from dead_letter where dead_letter_id = ?", id).stream().findFirst();
    }

    public List<DeadLetter> deadLettersOf(String businessKey) throws Exception {
        return query("select * from dead_letter where business_key = ? order by dead_lettered_at", businessKey);
    }

    private List<DeadLetter> query(String sql, String parameter) throws Exception {
        try (Connection db = store.dataSource().getConnection(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet row = query.executeQuery()) {
                List<DeadLetter> letters = new ArrayList<>();
                while (row.next()) {
                    letters.add(new DeadLetter(row.getString("dead_letter_id"), row.getString("consumer"),
                            row.getString("event_id"), row.getString("event_type"), row.getString("business_key"),
                            row.getString("correlation_id"), row.getString("original_topic"),
                            row.getInt("original_partition"), row.getLong("original_offset"),
                            row.getString("record_key"), decode(row.getString("record_headers")),
                            row.getBytes("record_value"), row.getString("cause"), row.getInt("attempts"),
                            row.getObject("dead_lettered_at", OffsetDateTime.class), row.getString("status"),
                            row.getString("replayed_by")));
                }
                return letters;
            }
        }
    }

    private static Map<String, byte[]> decode(String json) throws java.io.IOException {
        Map<String, String> encoded = CanonicalJson.MAPPER.readValue(json, new TypeReference<Map<String, String>>() { });
        Map<String, byte[]> headers = new LinkedHashMap<>();
        encoded.forEach((name, value) -> headers.put(name, Base64.getDecoder().decode(value)));
        return headers;
    }

    private KafkaConsumer<String, byte[]> reader() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    @PreDestroy
    void close() {
        producer.close();
    }

    /** A message a consumer gave up on, as kept in the store. */
    public record DeadLetter(String id, String consumer, String eventId, String eventType, String businessKey,
            String correlationId, String topic, int partition, long offset, String key, Map<String, byte[]> headers,
            byte[] value, String cause, int attempts, OffsetDateTime deadLetteredAt, String status,
            String replayedBy) {

        String eventKey() {
            return eventId != null ? eventId : id;
        }
    }

    public record ReplayResult(String replayId, String kind, String target, String requestedBy,
            OffsetDateTime requestedAt, int eventsReplayed) {
    }
}
