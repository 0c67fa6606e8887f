package io.crossdock.orchestration;

import static io.crossdock.testing.KafkaTopicReader.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import io.crossdock.canonical.EventType;
import io.crossdock.testing.DemoOrders;
import io.crossdock.testing.KafkaTestResource;
import io.crossdock.testing.KafkaTopicReader;
import io.crossdock.testing.OdooTestResource;
import io.crossdock.testing.PartnerSftpClient;
import io.crossdock.testing.SftpTestResource;
import io.crossdock.testing.TestOdoo;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Order to cash from end to end, for an EDI partner (demo, over SFTP) and a REST client
 * (test-channel), against real Kafka, SFTP, PostgreSQL and the emulated Odoo: every document and
 * event, in order, under the correlation id the order arrived with.
 */
@QuarkusTest
@org.junit.jupiter.api.Tag("odoo")
@WithTestResource(KafkaTestResource.class)
@WithTestResource(SftpTestResource.class)
@WithTestResource(OdooTestResource.class)
class OrderToCashTest {

    private static final String OPERATOR = "test-operator-key";
    private static final List<ProcessStep> EDI_STEPS = List.of(ProcessStep.RECEIVED, ProcessStep.CREATED_IN_ODOO, ProcessStep.CONFIRMED,
            ProcessStep.ACKNOWLEDGED, ProcessStep.SHIPPED, ProcessStep.ASN_SENT, ProcessStep.INVOICED, ProcessStep.INVOICE_SENT);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    OrderProcess process;

    @Inject
    OrderSlas slas;

    @Test
    void anEdiOrderGoesFrom850To810UnderOneCorrelationId() throws Exception {
        TestOdoo odoo = OdooTestResource.odoo();
        String po = "O2C-" + UUID.randomUUID().toString().substring(0, 8);
        String interchange = DemoOrders.interchange();
        try (var partner = PartnerSftpClient.demoPartner(); var events = new Topics(bootstrap)) {
            partner.put("inbox/850-" + po + ".edi", DemoOrders.bytes(DemoOrders.x12(interchange, po, "20261122")));
            String ack997 = awaitFile(partner, "997-" + interchange + "-");
            String ack855 = awaitFile(partner, "855-" + po + "-");
            String correlationId = timeline("850-" + po + ".edi").getList("correlationIds", String.class).get(0);

            String picking = odoo.ship(po, "1Z999AA10000000001").get(0);
            String asn = awaitFile(partner, "856-" + picking.replace('/', '_') + "-");
            given().header("X-API-Key", "test-channel-key").get("/api/v1/shipments/" + picking).then().statusCode(403);
            Map<String, Object> posted = odoo.invoice(po);
            String invoice = (String) posted.get("name");
            String x810 = awaitFile(partner, "810-" + invoice.replace('/', '_') + "-");

            // The documents the partner got, each about this order.
            assertThat(text(partner, ack997)).contains("AK1*PO*").contains("AK9*A*1*1*1~");
            assertThat(text(partner, ack855)).contains("BAK*00*AD*" + po + "*");
            assertThat(text(partner, asn)).contains("BSN*00*" + picking + "*").contains("PRF*" + po + "~").contains("REF*CN*1Z999AA10000000001~");
            assertThat(text(partner, x810)).contains("*" + invoice + "**" + po + "~")
                    .contains("TDS*" + cents(posted.get("amount_total")) + "~");
            if (((Number) posted.get("amount_tax")).doubleValue() != 0) {
                assertThat(text(partner, x810)).contains("TXI*TX*" + new java.math.BigDecimal(String.valueOf(posted.get("amount_tax")))
                        .stripTrailingZeros().toPlainString() + "~");
            }

            // The events, in order, all under the 850 file's correlation id.
            List<String> published = events.about(correlationId, 4);
            assertThat(published).containsExactly("OrderReceived demo/" + po, "OrderAccepted demo/" + po,
                    "ShipmentDispatched " + picking, "InvoicePosted " + invoice);
            // The delivery came by webhook and poll, the invoice by the write_date poll alone: each once.
            assertThat(events.published(correlationId, "ShipmentDispatched " + picking)).isEqualTo(1);
            assertThat(events.published(correlationId, "InvoicePosted " + invoice)).isEqualTo(1);

            // One timeline from the first file to the last, in the order things happened.
            List<String> story = story(correlationId);
            assertThat(story).containsSubsequence("FILE_RECEIVED 850-" + po + ".edi", "EVENT_PUBLISHED OrderReceived",
                    "ODOO_ORDER_CONFIRMED", "EVENT_PUBLISHED OrderAccepted", "DOCUMENT_SENT 855", "ODOO_DELIVERY_DONE",
                    "EVENT_PUBLISHED ShipmentDispatched", "DOCUMENT_SENT 856", "ODOO_INVOICE_POSTED", "EVENT_PUBLISHED InvoicePosted",
                    "DOCUMENT_SENT 810");
            assertThat(story).contains("ACK_SENT 997").doesNotContain("BUSINESS_EXCEPTION");

            // GET /orders shows each step with its time, in the order of the flow.
            JsonPath status = given().header("X-API-Key", OPERATOR).get("/api/v1/orders/demo/" + po).then().statusCode(200)
                    .extract().jsonPath();
            assertThat(status.getString("status")).isEqualTo("INVOICED");
            assertThat(status.getString("saleOrder")).isEqualTo(odoo.searchRead("sale.order",
                    List.of(List.of("client_order_ref", "=", po)), List.of("name")).get(0).get("name"));
            assertStepsInOrder(status.getMap("process"), EDI_STEPS);
        }
    }

    @Test
    void aRestOrderIsAcknowledgedByItsEventAndFollowedToItsInvoice() throws Exception {
        TestOdoo odoo = OdooTestResource.odoo();
        String po = "WEB-" + UUID.randomUUID().toString().substring(0, 8);
        try (var events = new Topics(bootstrap)) {
            String correlationId = given().header("X-API-Key", "test-channel-key").contentType("application/json")
                    .body("""
                            {"poNumber": "%s", "orderDate": "2026-11-22", "purpose": "ORIGINAL", "currency": "USD",
                             "buyer": {"role": "CUSTOMER", "name": "DEMO RETAIL", "identifiers": [{"scheme": "PARTNER", "value": "DEMO"}]},
                             "lines": [{"lineNumber": "1", "product": {"sku": "SKU-1001"}, "quantity": {"value": 6, "unit": "EA"},
                                        "unitPrice": {"amount": 3.49, "currency": "USD"}}]}
                            """.formatted(po))
                    .post("/api/v1/orders").then().statusCode(202).extract().path("correlationId");
            await().atMost(Duration.ofSeconds(60)).until(() -> events.about(correlationId, 0).contains("OrderAccepted test-channel/" + po));

            given().header("X-API-Key", "test-channel-key").get("/api/v1/shipments/test-channel/" + po).then().statusCode(200)
                    .body("shipments[0].status", org.hamcrest.Matchers.oneOf("READY", "PENDING"));
            String picking = odoo.ship(po, "1ZWEB" + po.substring(4)).get(0);
            await().atMost(Duration.ofSeconds(30)).until(() -> events.about(correlationId, 0).contains("ShipmentDispatched " + picking));
            // The caller asks where its delivery is, by its order or by the shipment id; others' deliveries are not its business.
            for (String key : List.of("test-channel/" + po, picking)) {
                given().header("X-API-Key", "test-channel-key").get("/api/v1/shipments/" + key).then().statusCode(200)
                        .body("shipments[0].status", org.hamcrest.Matchers.equalTo("DISPATCHED"))
                        .body("shipments[0].shipment.shipmentId", org.hamcrest.Matchers.equalTo(picking))
                        .body("shipments[0].shipment.trackingNumber", org.hamcrest.Matchers.equalTo("1ZWEB" + po.substring(4)))
                        .body("shipments[0].shipment.packages[0].items[0].quantity.value", org.hamcrest.Matchers.equalTo(6));
            }
            given().header("X-API-Key", "test-channel-key").get("/api/v1/shipments/demo/NO-SUCH-PO").then().statusCode(404);
            String invoice = (String) odoo.invoice(po).get("name");

            assertThat(events.about(correlationId, 4)).containsExactly("OrderReceived test-channel/" + po,
                    "OrderAccepted test-channel/" + po, "ShipmentDispatched " + picking, "InvoicePosted " + invoice);
            JsonPath status = await().atMost(Duration.ofSeconds(30)).until(() -> given().header("X-API-Key", "test-channel-key")
                    .get("/api/v1/orders/test-channel/" + po).then().statusCode(200).extract().jsonPath(),
                    json -> "INVOICED".equals(json.getString("status")));
            // No EDI documents for a REST caller: its acknowledgment is the OrderAccepted it reads back.
            assertStepsInOrder(status.getMap("process"), List.of(ProcessStep.RECEIVED, ProcessStep.CREATED_IN_ODOO, ProcessStep.CONFIRMED,
                    ProcessStep.ACKNOWLEDGED, ProcessStep.SHIPPED, ProcessStep.INVOICED));
            assertThat(story(correlationId)).containsSubsequence("API_ORDER_RECEIVED", "ODOO_ORDER_CONFIRMED", "ODOO_DELIVERY_DONE",
                    "ODOO_INVOICE_POSTED").noneMatch(entry -> entry.startsWith("DOCUMENT_SENT"));
        }
    }

    @Test
    void aMissedDeadlineIsRaisedOnceHoweverManyPodsWatch() throws Exception {
        String late = "LATE-" + UUID.randomUUID().toString().substring(0, 8);
        String answered = "ANSWERED-" + UUID.randomUUID().toString().substring(0, 8);
        String uninvoiced = "UNINV-" + UUID.randomUUID().toString().substring(0, 8);
        OffsetDateTime fiveHoursAgo = OffsetDateTime.now(ZoneOffset.UTC).minusHours(5);
        process.mark("demo", late, ProcessStep.RECEIVED, fiveHoursAgo, "corr-" + late);
        process.mark("demo", answered, ProcessStep.RECEIVED, fiveHoursAgo, "corr-" + answered);
        process.mark("demo", answered, ProcessStep.ACKNOWLEDGED, fiveHoursAgo.plusMinutes(10), "corr-" + answered);
        process.mark("demo", uninvoiced, ProcessStep.RECEIVED, fiveHoursAgo.minusDays(4), "corr-" + uninvoiced);
        process.mark("demo", uninvoiced, ProcessStep.ACKNOWLEDGED, fiveHoursAgo.minusDays(4), "corr-" + uninvoiced);
        process.mark("demo", uninvoiced, ProcessStep.SHIPPED, fiveHoursAgo.minusDays(4), "corr-" + uninvoiced);

        // Three pods' watches at once (the timer route may be a fourth).
        CompletableFuture.allOf(CompletableFuture.runAsync(this::check), CompletableFuture.runAsync(this::check),
                CompletableFuture.runAsync(this::check)).join();

        assertThat(exceptions(late)).singleElement().asString().contains("is still not acknowledged after PT4H");
        assertThat(exceptions(uninvoiced)).singleElement().asString().contains("is still not invoiced after PT72H");
        assertThat(exceptions(answered)).isEmpty();
        check();
        assertThat(exceptions(late)).hasSize(1);
        given().header("X-API-Key", OPERATOR).get("/api/v1/orders/demo/" + late).then().statusCode(200)
                .body("needsAttention", org.hamcrest.Matchers.equalTo(true));
    }

    private void check() {
        try {
            slas.check();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The business exceptions on a PO's timeline; none when nothing at all is known of it. */
    private static List<String> exceptions(String po) {
        var answer = given().header("X-API-Key", OPERATOR).get("/api/v1/track/demo/" + po);
        return answer.statusCode() == 404 ? List.of()
                : answer.then().statusCode(200).extract().jsonPath()
                        .getList("timeline.findAll { it.stage == 'BUSINESS_EXCEPTION' }.description", String.class);
    }

    private static void assertStepsInOrder(Map<String, Object> process, List<ProcessStep> steps) {
        assertThat(process.keySet()).containsAll(steps.stream().map(Enum::name).toList());
        List<OffsetDateTime> times = steps.stream().map(step -> OffsetDateTime.parse((String) process.get(step.name()))).toList();
        assertThat(times).isSorted();
    }

    /** An amount as X12's implied-two-decimals total (TDS01) writes it. */
    private static String cents(Object amount) {
        return new java.math.BigDecimal(String.valueOf(amount)).movePointRight(2).setScale(0, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static JsonPath timeline(String key) {
        return given().header("X-API-Key", OPERATOR).get("/api/v1/track/" + key).then().statusCode(200).extract().jsonPath();
    }

    /** The transaction's timeline as "STAGE what", oldest first. */
    private static List<String> story(String correlationId) {
        JsonPath timeline = timeline(correlationId);
        List<String> story = new ArrayList<>();
        List<Map<String, Object>> entries = timeline.getList("timeline");
        entries.sort(java.util.Comparator.comparing(entry -> OffsetDateTime.parse((String) entry.get("at"))));
        for (Map<String, Object> entry : entries) {
            String description = String.valueOf(entry.get("description"));
            String stage = (String) entry.get("stage");
            story.add(switch (stage) {
                case "FILE_RECEIVED" -> stage + " " + description.substring("Received ".length()).split(" ")[0];
                case "EVENT_PUBLISHED", "DOCUMENT_SENT", "ACK_SENT" -> stage + " " + description.split(" ")[0];
                default -> stage;
            });
        }
        return story;
    }

    private static String awaitFile(PartnerSftpClient partner, String prefix) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> partner.list("outbox").stream()
                .filter(name -> name.startsWith(prefix)).findFirst().orElse(null), name -> name != null);
    }

    private static String text(PartnerSftpClient partner, String file) throws Exception {
        return new String(partner.get("outbox/" + file), StandardCharsets.US_ASCII);
    }

    /** The business events on the order-to-cash topics, as "Type subject" in the order they were published. */
    private static final class Topics implements AutoCloseable {

        private final List<KafkaTopicReader> readers;

        Topics(String bootstrap) {
            this.readers = List.of(new KafkaTopicReader(bootstrap, "crossdock.orders"), new KafkaTopicReader(bootstrap, "crossdock.shipments"),
                    new KafkaTopicReader(bootstrap, "crossdock.invoices"));
        }

        /** Waits for at least {@code expected} events of the correlation id (0: what is there now). */
        List<String> about(String correlationId, int expected) {
            return await().atMost(Duration.ofSeconds(60)).until(() -> {
                List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
                readers.forEach(reader -> reader.records().stream()
                        .filter(r -> correlationId.equals(header(r, "ce_correlationid"))).forEach(records::add));
                records.sort(java.util.Comparator.comparing(r -> OffsetDateTime.parse(header(r, "ce_time"))));
                return records.stream().map(r -> EventType.byCloudEventType(header(r, "ce_type")).map(EventType::eventName)
                        .orElse(header(r, "ce_type")) + " " + header(r, "ce_subject")).distinct().toList();
            }, found -> found.size() >= expected);
        }

        /** How many records of the correlation id are "Type subject", duplicates included. */
        long published(String correlationId, String event) {
            return readers.stream().flatMap(reader -> reader.records().stream())
                    .filter(r -> correlationId.equals(header(r, "ce_correlationid")))
                    .filter(r -> event.equals(EventType.byCloudEventType(header(r, "ce_type")).map(EventType::eventName)
                            .orElse(header(r, "ce_type")) + " " + header(r, "ce_subject"))).count();
        }

        @Override
        public void close() {
            readers.forEach(KafkaTopicReader::close);
        }
    }
}
