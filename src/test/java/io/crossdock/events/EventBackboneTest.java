package io.crossdock.events;

import static io.crossdock.testing.KafkaTopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import io.crossdock.canonical.CanonicalSamples;
import io.crossdock.canonical.EventType;
import io.crossdock.canonical.Order;
import io.crossdock.store.Store;
import io.crossdock.testing.KafkaTestResource;
import io.crossdock.testing.KafkaTopicReader;
import io.crossdock.testing.SftpTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.apache.camel.CamelContext;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(EventBackboneTest.WithLedgers.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(SftpTestResource.class)
class EventBackboneTest {

    static final String OPERATOR = "test-operator-key";
    static final String CHANNEL = "test-channel-key";

    @Inject
    EventPublisher publisher;

    @Inject
    Store store;

    @Inject
    CamelContext camel;

    @Inject
    EventTopics topics;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @BeforeEach
    void ledgerTable() throws Exception {
        try (Connection db = store.dataSource().getConnection(); Statement ddl = db.createStatement()) {
            ddl.execute("""
                    create table if not exists test_ledger (consumer varchar(64), event_id varchar(128),
                        business_key varchar(256), times integer, primary key (consumer, event_id))""");
        }
    }

    @Test
    void tenThousandEventsAreAppliedExactlyOnceByEachOfTwoConsumersAcrossARestartThatLostItsOffsets()
            throws Exception {
        String run = "RUN-" + UUID.randomUUID();
        List<CompletableFuture<PublishedEvent>> sends = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            sends.add(publisher.publish(EventType.ORDER_RECEIVED, CanonicalSamples.order(run + "-" + i),
                    EventContext.of("corr-" + run, "demo", "/crossdock/test")));
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get();

        // Consumer A dies part way and comes back having lost every committed offset.
        await().atMost(Duration.ofSeconds(120)).until(() -> applied("test-ledger-a", run) >= 2_000);
        camel.getRouteController().stopRoute("consume-test-ledger-a");
        rewindToStart("test-ledger-a");
        camel.getRouteController().startRoute("consume-test-ledger-a");

        await().atMost(Duration.ofSeconds(180)).until(() ->
                applied("test-ledger-a", run) == 10_000 && applied("test-ledger-b", run) == 10_000);
        assertThat(maxTimes(run)).as("no event applied twice").isEqualTo(1);
        // Well after: still exactly once (the rewound consumer re-read everything and skipped it all).
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() ->
                applied("test-ledger-a", run) == 10_000 && maxTimes(run) == 1);
    }

    @Test
    void aPoisonEventIsDeadLetteredWithItsCauseAfterTheRetriesWhileTheEventsBehindItFlow() throws Exception {
        String run = "DLQ-" + UUID.randomUUID();
        String poison = run + "-poison";
        LedgerHandlers.BROKEN.add(poison);
        try (var deadLetters = new KafkaTopicReader(bootstrap, EventTopics.deadLetterTopicOf(
                topics.topicOf(EventType.ORDER_RECEIVED.family())))) {
            publisher.publish(EventType.ORDER_RECEIVED, CanonicalSamples.order(poison),
                    EventContext.of("corr-" + run, "demo", "/crossdock/test")).get();
            for (int i = 0; i < 20; i++) {
                publisher.publish(EventType.ORDER_RECEIVED, CanonicalSamples.order(run + "-" + i),
                        EventContext.of("corr-" + run, "demo", "/crossdock/test")).get();
            }
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    applied("test-ledger-a", run) == 20 && applied("test-ledger-b", run) == 20);

            var dead = await().atMost(Duration.ofSeconds(60)).until(() -> deadLetters.records().stream()
                    .filter(r -> ("demo/" + poison).equals(header(r, "ce_subject"))).toList(), list -> list.size() == 2);
            assertThat(dead).allSatisfy(record -> {
                assertThat(header(record, "crossdock_dlq_cause")).contains("downstream refused " + poison);
                assertThat(header(record, "crossdock_dlq_attempts")).isEqualTo("5");
                assertThat(header(record, "crossdock_dlq_topic")).isEqualTo("crossdock.orders");
                assertThat(header(record, "crossdock_dlq_offset")).isNotBlank();
                assertThat(header(record, "ce_type")).isEqualTo(EventType.ORDER_RECEIVED.cloudEventType());
            });
            assertThat(dead).extracting(r -> header(r, "crossdock_dlq_consumer"))
                    .containsExactlyInAnyOrder("test-ledger-a", "test-ledger-b");
            // The order waits for a person: its status says so until the dead letters are replayed.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("X-API-Key", "test-operator-key")
                    .get("/api/v1/orders/demo/" + poison).then().statusCode(200)
                    .body("needsAttention", equalTo(true)).body("status", equalTo("NEEDS_ATTENTION"))
                    .body("steps.stage", org.hamcrest.Matchers.hasItem("DEAD_LETTERED")));
        } finally {
            LedgerHandlers.BROKEN.remove(poison);
        }
    }

    @Test
    void aDeadLetterIsReplayedOnceItsCauseIsFixedAndOnlyByAnOperator() throws Exception {
        String poison = "REPLAY-" + UUID.randomUUID();
        String key = "demo/" + poison;
        LedgerHandlers.BROKEN.add(poison);
        publisher.publish(EventType.ORDER_RECEIVED, CanonicalSamples.order(poison),
                EventContext.of("corr-" + poison, "demo", "/crossdock/test")).get();
        List<String> ids = await().atMost(Duration.ofSeconds(60)).until(() -> given().header("X-API-Key", OPERATOR)
                .queryParam("businessKey", key).get("/api/v1/dead-letters")
                .then().statusCode(200).extract().jsonPath().<String>getList("id"), list -> list.size() == 2);
        LedgerHandlers.BROKEN.remove(poison);

        String request = "{\"deadLetterId\": \"" + ids.get(0) + "\"}";
        given().contentType("application/json").body(request).post("/api/v1/replays").then().statusCode(401);
        given().header("X-API-Key", "not-a-key").contentType("application/json").body(request)
                .post("/api/v1/replays").then().statusCode(401);
        given().header("X-API-Key", CHANNEL).contentType("application/json").body(request)
                .post("/api/v1/replays").then().statusCode(403);
        assertThat(appliedTimes(key)).isEmpty();

        given().header("X-API-Key", OPERATOR).contentType("application/json").body(request)
                .post("/api/v1/replays").then().statusCode(200)
                .body("eventsReplayed", equalTo(1)).body("requestedBy", equalTo("test-operator"));
        await().atMost(Duration.ofSeconds(30)).until(() -> appliedTimes(key).size() == 2);

        // Replaying again, by id or by key, sends nothing: both consumers' dead letters were settled.
        given().header("X-API-Key", OPERATOR).contentType("application/json").body(request)
                .post("/api/v1/replays").then().statusCode(200).body("eventsReplayed", equalTo(0));
        given().header("X-API-Key", OPERATOR).contentType("application/json")
                .body("{\"businessKey\": \"" + key + "\"}").post("/api/v1/replays")
                .then().statusCode(200).body("eventsReplayed", equalTo(0));
        given().header("X-API-Key", OPERATOR).queryParam("businessKey", key).get("/api/v1/dead-letters")
                .then().statusCode(200).body("status", everyItem(equalTo("REPLAYED")))
                .body("replayedBy", everyItem(equalTo("test-operator")));
        assertThat(appliedTimes(key)).containsOnly(1);
    }

    @Test
    void aReplayRequestThatNamesNothingOrTooMuchGetsAProblemNamingWhy() {
        given().header("X-API-Key", OPERATOR).contentType("application/json")
                .body("{\"businessKey\": \"k\", \"deadLetterId\": \"d\"}").post("/api/v1/replays")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("exactly one of"));
        given().header("X-API-Key", OPERATOR).contentType("application/json")
                .body("{\"deadLetterId\": \"no-such-id\"}").post("/api/v1/replays")
                .then().statusCode(404).body("detail", containsString("no-such-id"));
        given().header("X-API-Key", OPERATOR).contentType("application/json")
                .body("{\"family\": \"orderz\", \"from\": \"2026-01-01T00:00:00Z\", \"to\": \"2026-01-02T00:00:00Z\"}")
                .post("/api/v1/replays").then().statusCode(400).body("detail", containsString("unknown event family"));
    }

    @Inject
    jakarta.enterprise.inject.Instance<EventHandler> handlers;

    @Test
    void aRecordThatIsNotACloudEventIsDeadLetteredAtOnceNotRetried() throws Exception {
        String key = "garbage-" + UUID.randomUUID();
        String topic = topics.topicOf(EventType.ORDER_RECEIVED.family());
        try (var deadLetters = new KafkaTopicReader(bootstrap, EventTopics.deadLetterTopicOf(topic));
                var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(Map.of(
                        "bootstrap.servers", bootstrap),
                        new org.apache.kafka.common.serialization.StringSerializer(),
                        new org.apache.kafka.common.serialization.StringSerializer())) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, key, "not an event")).get();

            // Every consumer of the family gives up on it at once: the two ledgers, the tracking indexer and the rest.
            List<String> consumersOfOrders = handlers.stream().filter(h -> h.families().contains(EventType.ORDER_RECEIVED.family()))
                    .map(EventHandler::consumer).toList();
            assertThat(consumersOfOrders).contains("test-ledger-a", "test-ledger-b", "tracking-indexer");
            var dead = await().atMost(Duration.ofSeconds(60)).until(() -> deadLetters.records().stream()
                    .filter(r -> key.equals(r.key())).toList(), list -> list.size() == consumersOfOrders.size());
            assertThat(dead).extracting(r -> header(r, "crossdock_dlq_consumer"))
                    .containsExactlyInAnyOrderElementsOf(consumersOfOrders);
            assertThat(dead).allSatisfy(record -> {
                assertThat(header(record, "crossdock_dlq_attempts")).isEqualTo("1");
                assertThat(header(record, "crossdock_dlq_cause")).contains("is not a CloudEvent");
                assertThat(new String(record.value(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("not an event");
            });
        }
    }

    @Test
    void eventMetricsArePrometheusTextPerTypeOutcomeAndConsumerWithConsumerLag() throws Exception {
        publisher.publish(EventType.ORDER_RECEIVED, CanonicalSamples.order("METRICS-" + UUID.randomUUID()),
                EventContext.of("corr-metrics", "demo", "/crossdock/test")).get();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/metrics").then().statusCode(200)
                .body(containsString("crossdock_events_total{consumer=\"\",outcome=\"published\",type=\"OrderReceived\"}"))
                .body(containsString("crossdock_events_total{consumer=\"test-ledger-a\",outcome=\"consumed\",type=\"OrderReceived\"}"))
                .body(containsString("crossdock_events_consumer_lag{consumer=\"test-ledger-b\",topic=\"crossdock.orders\"}")));
    }

    @Test
    void aTimeRangeReplayResendsWhatTheFamilyReceivedThenAndConsumersApplyOnlyWhatTheyMissed() throws Exception {
        String run = "RANGE-" + UUID.randomUUID();
        LedgerHandlers.BROKEN.add(run + "-0");
        java.time.Instant from = java.time.Instant.now().minusSeconds(1);
        for (int i = 0; i < 3; i++) {
            publisher.publish(EventType.ORDER_RECEIVED, CanonicalSamples.order(run + "-" + i),
                    EventContext.of("corr-" + run, "demo", "/crossdock/test")).get();
        }
        java.time.Instant to = java.time.Instant.now().plusSeconds(1);
        await().atMost(Duration.ofSeconds(60)).until(() -> applied("test-ledger-a", run) == 2
                && given().header("X-API-Key", OPERATOR).queryParam("businessKey", "demo/" + run + "-0")
                        .get("/api/v1/dead-letters").then().extract().jsonPath().getList("id").size() == 2);
        LedgerHandlers.BROKEN.remove(run + "-0");

        given().header("X-API-Key", OPERATOR).contentType("application/json")
                .body("{\"family\": \"orders\", \"from\": \"" + from + "\", \"to\": \"" + to + "\"}")
                .post("/api/v1/replays").then().statusCode(200)
                .body("kind", equalTo("TIME_RANGE")).body("eventsReplayed", org.hamcrest.Matchers.greaterThanOrEqualTo(3));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                applied("test-ledger-a", run) == 3 && applied("test-ledger-b", run) == 3);
        assertThat(maxTimes(run)).isEqualTo(1);
    }

    @Test
    void anInvalidEventIsRefusedWithTheFieldNamedAndNeverPublished() {
        Order valid = CanonicalSamples.order("PO-INVALID");
        Order noBuyerCurrency = new Order(valid.poNumber(), valid.partner(), valid.orderDate(), valid.purpose(),
                valid.buyer(), valid.seller(), valid.shipTo(), valid.billTo(), "dollars",
                valid.requestedDeliveryDate(), valid.lines(), valid.notes());

        assertThatThrownBy(() -> publisher.publish(EventType.ORDER_RECEIVED, noBuyerCurrency,
                EventContext.of("corr-invalid", "demo", "/crossdock/test")))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("$.currency")
                .hasMessageContaining("pattern");
    }

    private List<Integer> appliedTimes(String businessKey) throws Exception {
        try (Connection db = store.dataSource().getConnection();
                PreparedStatement query = db.prepareStatement("select times from test_ledger where business_key = ?")) {
            query.setString(1, businessKey);
            try (ResultSet row = query.executeQuery()) {
                List<Integer> times = new ArrayList<>();
                while (row.next()) {
                    times.add(row.getInt(1));
                }
                return times;
            }
        }
    }

    private long applied(String consumer, String run) throws Exception {
        return query("select count(*) from test_ledger where consumer = ? and business_key like ?", consumer,
                "demo/" + run + "-%");
    }

    private long maxTimes(String run) throws Exception {
        return query("select coalesce(max(times), 0) from test_ledger where business_key like ? and consumer <> ?",
                "demo/" + run + "-%", "");
    }

    private long query(String sql, String first, String second) throws Exception {
        try (Connection db = store.dataSource().getConnection(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, first);
            query.setString(2, second);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private void rewindToStart(String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            String topic = topics.topicOf(EventType.ORDER_RECEIVED.family());
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
            Map<TopicPartition, OffsetSpec> earliest = new java.util.HashMap<>();
            partitions.forEach(p -> earliest.put(new TopicPartition(topic, p.partition()), OffsetSpec.earliest()));
            Map<TopicPartition, OffsetAndMetadata> start = new java.util.HashMap<>();
            admin.listOffsets(earliest).all().get().forEach((tp, info) -> start.put(tp, new OffsetAndMetadata(info.offset())));
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
                admin.alterConsumerGroupOffsets(group, start).all().get();
                return true;
            });
        }
    }

    public static class WithLedgers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("crossdock.test.ledger-handlers", "true");
        }
    }
}
