package io.crossdock.edi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import io.crossdock.store.Store;
import io.crossdock.testing.DemoOrders;
import io.crossdock.testing.KafkaTestResource;
import io.crossdock.testing.OdooTestResource;
import io.crossdock.testing.PartnerSftpClient;
import io.crossdock.testing.SftpTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The demo partner's 997s for the documents we send it, matched to them; a missing one is noticed. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(SftpTestResource.class)
@WithTestResource(OdooTestResource.class)
class PartnerAcknowledgmentTest {

    private static final Pattern GROUP = Pattern.compile("GS\\*PR\\*[^*]*\\*[^*]*\\*[^*]*\\*[^*]*\\*([0-9]+)\\*");

    @Inject
    PartnerAcknowledgments acknowledgments;

    @Inject
    SentDocuments sent;

    @Inject
    Store store;

    @Test
    void anAcceptingOrRejecting997IsMatchedToThe855ItAcknowledges() throws Exception {
        try (var partner = PartnerSftpClient.demoPartner()) {
            String accepted = orderAcknowledged(partner);
            String rejected = orderAcknowledged(partner);

            partner.put("inbox/997-ok-" + accepted + ".edi", DemoOrders.bytes(DemoOrders.functionalAcknowledgment(DemoOrders.interchange(),
                    "PR", group(partner, accepted), "855", "A", "", "A")));
            partner.put("inbox/997-no-" + rejected + ".edi", DemoOrders.bytes(DemoOrders.functionalAcknowledgment(DemoOrders.interchange(),
                    "PR", group(partner, rejected), "855", "R", "AK3*BAK*2**8~AK4*3*353*7*AD~", "R")));

            await().atMost(Duration.ofSeconds(60)).until(() -> stages(accepted).contains("ACK_RECEIVED"));
            assertThat(descriptions(accepted, "ACK_RECEIVED")).singleElement().asString().startsWith("997 from demo: 855 855-" + accepted)
                    .endsWith("(group " + group(partner, accepted) + ", set 1) accepted");
            assertThat(stages(accepted)).doesNotContain("BUSINESS_EXCEPTION");

            await().atMost(Duration.ofSeconds(60)).until(() -> stages(rejected).contains("BUSINESS_EXCEPTION"));
            assertThat(descriptions(rejected, "BUSINESS_EXCEPTION")).singleElement().asString().startsWith("demo rejected 855 855-" + rejected)
                    .contains("BAK at 2: segment has data element errors, element 3 (353) invalid code value 'AD'");
            assertThat(sent.find("demo", group(partner, rejected), "0001")).get().extracting(SentDocuments.Sent::ackStatus).isEqualTo("REJECTED");
            // Acknowledgments are never acknowledged.
            assertThat(partner.list("outbox")).noneMatch(name -> name.startsWith("997-") && name.contains("-" + group(partner, accepted) + "7."));
        }
    }

    @Inject
    io.crossdock.events.EventPublisher publisher;

    @Inject
    io.crossdock.events.EventTopics topics;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aDocumentItsOwnSchemaRefusesIsNotSentButDeadLetteredWithTheReason() throws Exception {
        // A PO number of 30 characters (a REST caller's, say) cannot go in an 855's BAK03 (at most 22).
        String po = "LONG-" + UUID.randomUUID().toString().replace("-", "").substring(0, 25).toUpperCase(java.util.Locale.ROOT);
        var ack = new io.crossdock.canonical.OrderAcknowledgment(po, "demo", null, io.crossdock.canonical.OrderAcknowledgment.Status.ACCEPTED,
                java.time.LocalDate.of(2026, 11, 22), List.of(), null);
        try (var partner = PartnerSftpClient.demoPartner(); var deadLetters = new io.crossdock.testing.KafkaTopicReader(bootstrap,
                io.crossdock.events.EventTopics.deadLetterTopicOf(topics.topicOf(io.crossdock.canonical.EventType.ORDER_ACCEPTED.family())))) {
            publisher.publish(io.crossdock.canonical.EventType.ORDER_ACCEPTED, ack, io.crossdock.events.EventContext.of("corr-" + po, "demo",
                    "/crossdock/test")).get();

            var dead = await().atMost(Duration.ofSeconds(60)).until(() -> deadLetters.records().stream()
                    .filter(r -> ("demo/" + po).equals(io.crossdock.testing.KafkaTopicReader.header(r, "ce_subject")))
                    .filter(r -> "edi-outbound".equals(io.crossdock.testing.KafkaTopicReader.header(r, "crossdock_dlq_consumer")))
                    .findFirst().orElse(null), r -> r != null);
            assertThat(io.crossdock.testing.KafkaTopicReader.header(dead, "crossdock_dlq_cause"))
                    .contains("breaks its transaction schema, so it is not sent").contains("(BAK), element BAK03: DATA_ELEMENT_TOO_LONG");
            assertThat(partner.list("outbox")).noneMatch(name -> name.startsWith("855-" + po));
        }
    }

    @Test
    void a997ForAGroupWeNeverSentGoesToAPerson() throws Exception {
        String group = String.valueOf(900_000_000L + (long) (Math.random() * 99_999_999L));
        try (var partner = PartnerSftpClient.demoPartner()) {
            partner.put("inbox/997-stray-" + group + ".edi", DemoOrders.bytes(DemoOrders.functionalAcknowledgment(DemoOrders.interchange(),
                    "PR", group, "855", "A", "", "A")));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> stages("demo/group/" + group).contains("BUSINESS_EXCEPTION"));
        assertThat(descriptions("demo/group/" + group, "BUSINESS_EXCEPTION")).singleElement().asString()
                .contains("acknowledges group " + group + ", which we never sent it");
    }

    @Test
    void aDocumentNotAcknowledgedInTimeIsRaisedOnce() throws Exception {
        String po = "LATE997-" + UUID.randomUUID().toString().substring(0, 8);
        String group = String.valueOf(800_000_000L + (long) (Math.random() * 99_999_999L));
        OffsetDateTime yesterday = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1);
        try (Connection tx = store.dataSource().getConnection()) {
            sent.sent(tx, new SentDocuments.Sent("demo", group, "0001", group, "PR", "855", "855-" + po + "-0.edi", "demo/" + po,
                    "corr-" + po, yesterday, yesterday.plusHours(1), null));
        }
        acknowledgments.overdue();
        acknowledgments.overdue();
        assertThat(descriptions("demo/" + po, "BUSINESS_EXCEPTION")).singleElement().asString()
                .startsWith("No 997/999 from demo for 855 855-" + po + "-0.edi (group " + group + ", set 1)");
    }

    /** Drops an 850 and waits for the 855 answering it; returns the PO. */
    private static String orderAcknowledged(PartnerSftpClient partner) {
        String po = "ACK-" + UUID.randomUUID().toString().substring(0, 8);
        partner.put("inbox/850-" + po + ".edi", DemoOrders.bytes(DemoOrders.x12(DemoOrders.interchange(), po, "20261122")));
        await().atMost(Duration.ofSeconds(60)).until(() -> partner.list("outbox").stream().anyMatch(name -> name.startsWith("855-" + po + "-")));
        return po;
    }

    private static String group(PartnerSftpClient partner, String po) {
        String name = partner.list("outbox").stream().filter(f -> f.startsWith("855-" + po + "-")).findFirst().orElseThrow();
        Matcher gs = GROUP.matcher(new String(partner.get("outbox/" + name), StandardCharsets.US_ASCII));
        assertThat(gs.find()).as("the 855 has a GS").isTrue();
        return gs.group(1);
    }

    private static List<String> stages(String key) {
        var answer = given().header("X-API-Key", "test-operator-key").get("/api/v1/track/" + key);
        return answer.statusCode() == 404 ? List.of() : answer.then().extract().jsonPath().getList("timeline.stage", String.class);
    }

    private static List<String> descriptions(String key, String stage) {
        String path = key.contains("/") ? key : "demo/" + key;
        return given().header("X-API-Key", "test-operator-key").get("/api/v1/track/" + path).then().statusCode(200).extract().jsonPath()
                .getList("timeline.findAll { it.stage == '" + stage + "' }.description", String.class);
    }
}
