package io.crossdock.events;

import static io.crossdock.testing.KafkaTopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

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
        } finally {
            LedgerHandlers.BROKEN.remove(poison);
        }
    }

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

            var dead = await().atMost(Duration.ofSeconds(60)).until(() -> deadLetters.records().stream()
                    .filter(r -> key.equals(r.key())).toList(), list -> list.size() == 2);
            assertThat(dead).allSatisfy(record -> {
                assertThat(header(record, "crossdock_dlq_attempts")).isEqualTo("1");
                assertThat(header(record, "crossdock_dlq_cause")).contains("is not a CloudEvent");
                assertThat(new String(record.value(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("not an event");
            });
        }
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
