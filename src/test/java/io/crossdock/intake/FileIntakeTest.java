package io.crossdock.intake;

import static io.crossdock.testing.KafkaTopicReader.header;
import static org.awaitility.Awaitility.await;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import io.crossdock.canonical.ContentHash;
import io.crossdock.canonical.CanonicalSamples;
import io.crossdock.canonical.EventType;
import io.crossdock.canonical.InboundDocuments;
import io.crossdock.events.EventContext;
import io.crossdock.events.EventPublisher;
import io.crossdock.store.Store;
import io.crossdock.testing.KafkaTestResource;
import io.crossdock.testing.KafkaTopicReader;
import io.crossdock.testing.PartnerSftpClient;
import io.crossdock.testing.OdooTestResource;
import io.crossdock.testing.SftpTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(SftpTestResource.class)
@WithTestResource(OdooTestResource.class)
class FileIntakeTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "crossdock.topics.inbound-documents")
    String inboundTopic;

    @ConfigProperty(name = "crossdock.topics.intake-duplicates")
    String duplicatesTopic;

    @Inject
    Store store;

    @Inject
    EventPublisher publisher;

    @Inject
    PartnerIntakeRoutes intakeRoutes;

    @Inject
    io.crossdock.partner.PartnerDirectory partners;

    @Inject
    org.apache.camel.CamelContext camel;

    static final String OPERATOR = "test-operator-key";

    @Test
    void aDroppedFileIsArchivedHandedOnWithItsCorrelationIdAndLeavesTheInbox() throws Exception {
        String name = "po-" + UUID.randomUUID() + ".edi";
        byte[] content = ("ISA*00*...*" + UUID.randomUUID() + "~").getBytes(StandardCharsets.UTF_8);

        try (var partner = PartnerSftpClient.demoPartner(); var inbound = new KafkaTopicReader(bootstrap, inboundTopic)) {
            partner.put("inbox/" + name, content);

            ConsumerRecord<String, byte[]> record = awaitRecordFor(inbound, name);
            String correlationId = header(record, "ce_correlationid");
            assertNotNull(correlationId, "the record carries the correlation id");
            assertEquals(correlationId, header(record, "ce_id"));
            assertEquals(InboundDocuments.DOCUMENT_RECEIVED, header(record, "ce_type"));
            assertEquals("1.0", header(record, "ce_specversion"));
            assertEquals("demo", header(record, "ce_partner"));
            assertEquals("demo", record.key());
            assertEquals(ContentHash.sha256(content), header(record, "ce_contentsha256"));
            assertArrayEquals(content, record.value(), "the bytes are handed on unchanged");

            assertArrayEquals(content, archivedContent(correlationId), "the file is archived unchanged");
            await().atMost(Duration.ofSeconds(15)).until(() -> !partner.list("inbox").contains(name));
        }
    }

    @Test
    void theSameContentDroppedAgainIsReportedAsADuplicateAndNotHandedOnTwice() throws Exception {
        byte[] content = ("UNB+UNOA:3+SENDER+RECEIVER+" + UUID.randomUUID() + "'").getBytes(StandardCharsets.UTF_8);
        String first = "orders-" + UUID.randomUUID() + ".edi";
        String again = "orders-resent-" + UUID.randomUUID() + ".edi";

        try (var partner = PartnerSftpClient.demoPartner();
                var inbound = new KafkaTopicReader(bootstrap, inboundTopic);
                var duplicates = new KafkaTopicReader(bootstrap, duplicatesTopic)) {
            partner.put("inbox/" + first, content);
            String original = header(awaitRecordFor(inbound, first), "ce_correlationid");
            await().atMost(Duration.ofSeconds(15)).until(() -> !partner.list("inbox").contains(first));

            partner.put("inbox/" + again, content);
            ConsumerRecord<String, byte[]> report = awaitRecordFor(duplicates, again);
            assertEquals(InboundDocuments.DUPLICATE_DOCUMENT, header(report, "ce_type"));
            assertEquals(original, header(report, "ce_originalcorrelationid"));
            String body = new String(report.value(), StandardCharsets.UTF_8);
            assertTrue(body.contains(first), "the report names the first file: " + body);
            await().atMost(Duration.ofSeconds(15)).until(() -> !partner.list("inbox").contains(again));

            String sha = ContentHash.sha256(content);
            long handedOn = inbound.records().stream().filter(r -> sha.equals(header(r, "ce_contentsha256"))).count();
            assertEquals(1, handedOn, "the content was handed on exactly once");
        }
    }

    @Test
    void aPartialUploadIsNeverReadOnlyTheCompleteFile() throws Exception {
        String name = "asn-" + UUID.randomUUID() + ".edi";
        byte[] head = "ISA*00*          *00*          *ZZ*SLOWPOKE       ".getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("*ZZ*CROSSDOCK      *" + UUID.randomUUID() + "~IEA*1*000000001~").getBytes(StandardCharsets.UTF_8);

        try (var partner = PartnerSftpClient.demoPartner(); var inbound = new KafkaTopicReader(bootstrap, inboundTopic)) {
            try (OutputStream upload = partner.open("inbox/" + name)) {
                upload.write(head);
                upload.flush();
                // A slow upload: a few bytes now and then, never pausing as long as stable-for.
                await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> {
                            upload.write(' ');
                            upload.flush();
                            return recordsFor(inbound, name).isEmpty();
                        });
                upload.write(tail);
            }
            ConsumerRecord<String, byte[]> record = awaitRecordFor(inbound, name);
            String received = new String(record.value(), StandardCharsets.UTF_8);
            assertTrue(received.startsWith("ISA*00") && received.endsWith("IEA*1*000000001~"),
                    "the whole file was read, not a part: " + received);
            assertEquals(1, recordsFor(inbound, name).size());
        }
    }

    @Test
    void aFilesWholeStoryCanBeFoundByItsCorrelationIdFileNameOrTheBusinessKeyOfWhatFollowed() throws Exception {
        String name = "track-" + UUID.randomUUID() + ".edi";
        byte[] content = ("ISA*00*TRACK*" + UUID.randomUUID() + "~").getBytes(StandardCharsets.UTF_8);
        String correlationId;
        try (var partner = PartnerSftpClient.demoPartner(); var inbound = new KafkaTopicReader(bootstrap, inboundTopic)) {
            partner.put("inbox/" + name, content);
            correlationId = header(awaitRecordFor(inbound, name), "ce_correlationid");
        }
        // What the EDI stage will do with the file: an order under the same correlation id.
        String po = "PO-" + UUID.randomUUID();
        publisher.publish(EventType.ORDER_RECEIVED, CanonicalSamples.order(po),
                EventContext.of(correlationId, "demo", "/crossdock/edi/demo")).get();

        given().get("/api/v1/track/" + po).then().statusCode(401);
        for (String key : List.of(po, "demo/" + po, correlationId, name)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("X-API-Key", OPERATOR)
                    .get("/api/v1/track/" + key).then().statusCode(200)
                    .body("correlationIds", hasItem(correlationId))
                    .body("timeline.stage", hasItems("FILE_RECEIVED", "FILE_HANDED_ON", "EVENT_PUBLISHED"))
                    .body("timeline[0].stage", org.hamcrest.Matchers.equalTo("FILE_RECEIVED")));
        }
        var timeline = given().header("X-API-Key", OPERATOR).get("/api/v1/track/" + po).then().extract().jsonPath();
        assertEquals(name, timeline.getString("timeline.find { it.stage == 'FILE_RECEIVED' }.businessKey"));
        assertEquals(inboundTopic, timeline.getString("timeline.find { it.stage == 'FILE_HANDED_ON' }.kafka.topic"));
        assertEquals("demo/" + po, timeline.getString("timeline.find { it.stage == 'EVENT_PUBLISHED' }.businessKey"));
        assertEquals(EventType.ORDER_RECEIVED.cloudEventType(),
                timeline.getString("timeline.find { it.stage == 'EVENT_PUBLISHED' }.eventType"));

        String archive = timeline.getString("timeline.find { it.stage == 'FILE_RECEIVED' }.archive.href");
        byte[] archived = given().header("X-API-Key", OPERATOR).get(archive).then().statusCode(200)
                .extract().asByteArray();
        assertArrayEquals(content, archived, "the archive link gives the file byte for byte");

        given().header("X-API-Key", OPERATOR).get("/api/v1/track/no-such-" + UUID.randomUUID()).then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void twoPodsPollingOneInboxNeverReadTheSameFileTwice() throws Exception {
        var demo = partners.find("demo").orElseThrow();
        intakeRoutes.add(demo, "intake-demo-second-pod", "second-pod");
        try (var partner = PartnerSftpClient.demoPartner(); var inbound = new KafkaTopicReader(bootstrap, inboundTopic)) {
            List<String> names = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String name = "pods-" + i + "-" + UUID.randomUUID() + ".txt";
                names.add(name);
                partner.put("inbox/" + name, ("file " + name).getBytes(StandardCharsets.UTF_8));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> names.stream().allMatch(n -> !recordsFor(inbound, n).isEmpty())
                    && partner.list("inbox").stream().noneMatch(names::contains));
            for (String name : names) {
                assertEquals(1, recordsFor(inbound, name).size(), name + " was handed on once");
            }
        } finally {
            camel.getRouteController().stopRoute("intake-demo-second-pod");
            camel.removeRoute("intake-demo-second-pod");
        }
    }

    private static ConsumerRecord<String, byte[]> awaitRecordFor(KafkaTopicReader reader, String fileName) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> recordsFor(reader, fileName), list -> !list.isEmpty())
                .get(0);
    }

    private static List<ConsumerRecord<String, byte[]>> recordsFor(KafkaTopicReader reader, String fileName) {
        return reader.records().stream().filter(r -> fileName.equals(header(r, "ce_filename"))).toList();
    }

    private byte[] archivedContent(String correlationId) throws Exception {
        try (Connection db = store.dataSource().getConnection();
                PreparedStatement query = db.prepareStatement(
                        "select content from archived_document where correlation_id = ? and direction = 'IN'")) {
            query.setString(1, correlationId);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "an archive entry exists for " + correlationId);
                return row.getBytes(1);
            }
        }
    }
}
