package io.crossdock.orchestration;

import static io.crossdock.testing.KafkaTopicReader.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItems;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import io.crossdock.canonical.CanonicalJson;
import io.crossdock.canonical.EventType;
import io.crossdock.canonical.Money;
import io.crossdock.canonical.Order;
import io.crossdock.canonical.Party;
import io.crossdock.canonical.PartyIdentifier;
import io.crossdock.canonical.ProductRef;
import io.crossdock.canonical.Quantity;
import io.crossdock.events.EventContext;
import io.crossdock.events.EventPublisher;
import io.crossdock.testing.DemoOrders;
import io.crossdock.testing.KafkaTestResource;
import io.crossdock.testing.KafkaTopicReader;
import io.crossdock.testing.OdooTestResource;
import io.crossdock.testing.PartnerSftpClient;
import io.crossdock.testing.SftpTestResource;
import io.crossdock.testing.TestOdoo;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Order to cash, step 1: an 850 on the demo partner's SFTP becomes one confirmed sale order in Odoo and an OrderAccepted. */
@QuarkusTest
@org.junit.jupiter.api.Tag("odoo")
@WithTestResource(KafkaTestResource.class)
@WithTestResource(SftpTestResource.class)
@WithTestResource(OdooTestResource.class)
class OrderToOdooTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EventPublisher publisher;

    @Test
    void an850BecomesOneConfirmedSaleOrderWhateverIsResent() throws Exception {
        TestOdoo odoo = OdooTestResource.odoo();
        String po = "PO-" + UUID.randomUUID().toString().substring(0, 8);
        try (var partner = PartnerSftpClient.demoPartner(); var orders = new KafkaTopicReader(bootstrap, "crossdock.orders")) {
            partner.put("inbox/850-" + po + ".edi", DemoOrders.bytes(DemoOrders.x12(DemoOrders.interchange(), po, "20261122")));

            ConsumerRecord<String, byte[]> accepted = await().atMost(Duration.ofSeconds(60))
                    .until(() -> event(orders, po, EventType.ORDER_ACCEPTED), r -> r != null);
            ConsumerRecord<String, byte[]> received = event(orders, po, EventType.ORDER_RECEIVED);
            assertThat(header(accepted, "ce_correlationid")).isEqualTo(header(received, "ce_correlationid"));
            JsonNode ack = CanonicalJson.MAPPER.readTree(accepted.value());
            assertThat(ack.get("status").asText()).isEqualTo("ACCEPTED");
            assertThat(ack.get("lines")).extracting(line -> line.get("status").asText()).containsExactly("ACCEPTED", "ACCEPTED");

            List<Map<String, Object>> saleOrders = saleOrders(odoo, po);
            assertThat(saleOrders).hasSize(1);
            Map<String, Object> saleOrder = saleOrders.get(0);
            assertThat(saleOrder).containsEntry("state", "sale").containsEntry("name", ack.get("orderReference").asText())
                    .containsEntry("commitment_date", "2026-12-01 00:00:00").containsEntry("amount_untaxed", 179.16);
            assertThat((Double) saleOrder.get("amount_total")).as("the lines and Odoo's taxes on them")
                    .isCloseTo((Double) saleOrder.get("amount_untaxed") + (Double) saleOrder.get("amount_tax"), org.assertj.core.data.Offset.offset(0.001));
            assertThat(((List<?>) saleOrder.get("partner_id")).get(1)).isEqualTo("DEMO RETAIL");
            assertThat(((List<?>) saleOrder.get("partner_shipping_id")).get(1)).isEqualTo("DEMO RETAIL, DEMO RETAIL DC 12");
            // The new ship-to is an Odoo address: the 850's N4 country and state as res.country and res.country.state.
            Map<String, Object> shipTo = odoo.searchRead("res.partner", List.of(List.of("id", "=", ((List<?>) saleOrder.get("partner_shipping_id")).get(0))),
                    List.of("type", "ref", "city", "zip", "country_code", "state_id")).get(0);
            assertThat(shipTo).containsEntry("type", "delivery").containsEntry("ref", "DC12").containsEntry("zip", "62701")
                    .containsEntry("country_code", "US");
            assertThat(odoo.searchRead("res.country.state", List.of(List.of("id", "=", ((List<?>) shipTo.get("state_id")).get(0))),
                    List.of("code")).get(0)).containsEntry("code", "IL");

            // The partner hears back: an 855 accepting every line, naming the Odoo order.
            String ack855 = await().atMost(Duration.ofSeconds(30)).until(() -> partner.list("outbox").stream()
                    .filter(f -> f.startsWith("855-" + po + "-")).findFirst().orElse(null), f -> f != null);
            String x12 = new String(partner.get("outbox/" + ack855), StandardCharsets.US_ASCII);
            assertThat(x12).contains("GS*PR*CROSSDOCK*DEMO*").contains("BAK*00*AD*" + po + "*")
                    .contains("****" + saleOrder.get("name") + "~").contains("PO1*1*24*EA*3.49*PE*VN*SKU-1001*UP*061414110001~")
                    .contains("ACK*IA*24*EA*068*20261201~").contains("ACK*IA*12*EA*068*20261201~").contains("CTT*2~");

            // The partner sends the PO again in a new interchange, and someone replays the OrderReceived.
            partner.put("inbox/850-" + po + "-resent.edi", DemoOrders.bytes(DemoOrders.x12(DemoOrders.interchange(), po, "20261122")));
            Order order = CanonicalJson.MAPPER.readValue(received.value(), Order.class);
            publisher.publish(EventType.ORDER_RECEIVED, order, EventContext.of(header(received, "ce_correlationid"), "demo", "/test/replay"))
                    .get();
            await().atMost(Duration.ofSeconds(60)).until(() -> orders.records().stream()
                    .filter(r -> ("demo/" + po).equals(header(r, "ce_subject")))
                    .filter(r -> EventType.ORDER_RECEIVED.cloudEventType().equals(header(r, "ce_type"))).count() >= 3);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("X-API-Key", "test-operator-key")
                    .get("/api/v1/track/" + po).then().statusCode(200)
                    .body("timeline.stage", hasItems("ODOO_ORDER_CONFIRMED")));
            await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(saleOrders(odoo, po)).hasSize(1));
            List<String> stages = given().header("X-API-Key", "test-operator-key").get("/api/v1/track/" + po)
                    .then().extract().jsonPath().getList("timeline.stage", String.class);
            assertThat(stages.stream().filter("DOCUMENT_SENT"::equals)).as("one 855, however often the PO came").hasSize(1);
        }
    }

    @Test
    void aDeliveryOdooValidatesGoesBackToThePartnerAsAnAsn() throws Exception {
        TestOdoo odoo = OdooTestResource.odoo();
        String po = "SHIP-" + UUID.randomUUID().toString().substring(0, 8);
        try (var partner = PartnerSftpClient.demoPartner(); var orders = new KafkaTopicReader(bootstrap, "crossdock.orders");
                var shipments = new KafkaTopicReader(bootstrap, "crossdock.shipments")) {
            partner.put("inbox/850-" + po + ".edi", DemoOrders.bytes(DemoOrders.x12(DemoOrders.interchange(), po, "20261122")));
            ConsumerRecord<String, byte[]> accepted = await().atMost(Duration.ofSeconds(60))
                    .until(() -> event(orders, po, EventType.ORDER_ACCEPTED), r -> r != null);

            // Someone in the warehouse ships it with UPS and validates the delivery in Odoo.
            String pickingName = odoo.ship(po, "1Z999AA10123456784").get(0);

            ConsumerRecord<String, byte[]> dispatched = await().atMost(Duration.ofSeconds(30)).until(() -> shipments.records().stream()
                    .filter(r -> pickingName.equals(header(r, "ce_subject"))).findFirst().orElse(null), r -> r != null);
            assertThat(header(dispatched, "ce_correlationid")).isEqualTo(header(accepted, "ce_correlationid"));
            JsonNode shipment = CanonicalJson.MAPPER.readTree(dispatched.value());
            assertThat(shipment.get("poNumbers").get(0).asText()).isEqualTo(po);
            assertThat(shipment.get("trackingNumber").asText()).isEqualTo("1Z999AA10123456784");
            assertThat(shipment.get("carrier").get("code").asText()).as("demo's code for Odoo's UPS Ground").isEqualTo("UPSN");
            assertThat(shipment.get("packages").get(0).get("items")).extracting(item -> item.get("lineNumber").asText() + ":"
                    + item.get("quantity").get("value").asText()).containsExactly("1:24", "2:12");

            String asn = await().atMost(Duration.ofSeconds(30)).until(() -> partner.list("outbox").stream()
                    .filter(f -> f.startsWith("856-" + pickingName.replace('/', '_') + "-")).findFirst().orElse(null), f -> f != null);
            assertThat(new String(partner.get("outbox/" + asn), StandardCharsets.US_ASCII))
                    .contains("GS*SH*CROSSDOCK*DEMO*").contains("BSN*00*" + pickingName + "*").contains("TD5*B*2*UPSN**UPS Ground~")
                    .contains("REF*CN*1Z999AA10123456784~").contains("N1*ST*DEMO RETAIL DC 12*92*DC12~").contains("PRF*" + po + "~")
                    .contains("LIN*1*VN*SKU-1001*UP*061414110001~").contains("SN1**24*EA~").contains("LIN*2*VN*SKU-2002~")
                    .contains("SN1**12*EA~").contains("CTT*4~");

            // Accounting invoices what was delivered and posts it: InvoicePosted, then an 810.
            try (var invoices = new KafkaTopicReader(bootstrap, "crossdock.invoices")) {
                Map<String, Object> inOdoo = odoo.invoice(po);
                String invoiceNumber = (String) inOdoo.get("name");
                ConsumerRecord<String, byte[]> posted = await().atMost(Duration.ofSeconds(30)).until(() -> invoices.records().stream()
                        .filter(r -> invoiceNumber.equals(header(r, "ce_subject"))).findFirst().orElse(null), r -> r != null);
                assertThat(header(posted, "ce_correlationid")).isEqualTo(header(accepted, "ce_correlationid"));
                JsonNode invoice = CanonicalJson.MAPPER.readTree(posted.value());
                assertThat(invoice.get("poNumber").asText()).isEqualTo(po);
                assertThat(invoice.get("totals").get("lines").get("amount").decimalValue()).isEqualByComparingTo("179.16");
                assertThat(invoice.get("totals").get("total").get("amount").decimalValue())
                        .isEqualByComparingTo(String.valueOf(inOdoo.get("amount_total")));
                String x810 = await().atMost(Duration.ofSeconds(30)).until(() -> partner.list("outbox").stream()
                        .filter(f -> f.startsWith("810-" + invoiceNumber.replace('/', '_') + "-")).findFirst().orElse(null), f -> f != null);
                assertThat(new String(partner.get("outbox/" + x810), StandardCharsets.US_ASCII)).contains("GS*IN*CROSSDOCK*DEMO*")
                        .contains("BIG*" + invoice.get("invoiceDate").asText().replace("-", "") + "*" + invoiceNumber + "**" + po + "~")
                        .contains("N1*BT*DEMO RETAIL*92*DEMO~").contains("IT1*1*24*EA*3.49*PE*VN*SKU-1001*UP*061414110001~")
                        .contains("IT1*2*12*EA*7.95*PE*VN*SKU-2002~")
                        .contains("TDS*" + new java.math.BigDecimal(String.valueOf(inOdoo.get("amount_total"))).movePointRight(2)
                                .setScale(0, java.math.RoundingMode.HALF_UP) + "~").contains("CTT*2~");
            }
        }
    }

    @Test
    void linesOdooCannotTakeAreRefusedPerThePartnersPolicy() throws Exception {
        TestOdoo odoo = OdooTestResource.odoo();
        String po = "POLICY-" + UUID.randomUUID().toString().substring(0, 8);
        try (var partner = PartnerSftpClient.demoPartner(); var orders = new KafkaTopicReader(bootstrap, "crossdock.orders")) {
            String x12 = DemoOrders.x12(DemoOrders.interchange(), po, "20261122")
                    .replace("PO1*2*12*EA*7.95*PE*VN*SKU-2002", "PO1*2*12*EA*9.95*PE*VN*SKU-2002")
                    .replace("CTT*2~", "PO1*3*1*EA*1.00*PE*VN*SKU-9999~CTT*3~").replace("SE*14*0001", "SE*15*0001");
            partner.put("inbox/850-" + po + ".edi", DemoOrders.bytes(x12));

            ConsumerRecord<String, byte[]> accepted = await().atMost(Duration.ofSeconds(60))
                    .until(() -> event(orders, po, EventType.ORDER_ACCEPTED), r -> r != null);
            JsonNode ack = CanonicalJson.MAPPER.readTree(accepted.value());
            assertThat(ack.get("status").asText()).isEqualTo("CHANGED");
            assertThat(ack.get("lines")).extracting(line -> line.get("status").asText()).containsExactly("ACCEPTED", "REJECTED", "REJECTED");
            assertThat(ack.get("lines").get(1).get("reason").asText()).contains("9.95").contains("7.95");
            assertThat(ack.get("lines").get(2).get("reason").asText()).contains("unknown product SKU SKU-9999");
            List<Map<String, Object>> saleOrders = saleOrders(odoo, po);
            assertThat(saleOrders).hasSize(1);
            assertThat((List<?>) saleOrders.get(0).get("order_line")).hasSize(1);
            String ack855 = await().atMost(Duration.ofSeconds(30)).until(() -> partner.list("outbox").stream()
                    .filter(f -> f.startsWith("855-" + po + "-")).findFirst().orElse(null), f -> f != null);
            assertThat(new String(partner.get("outbox/" + ack855), StandardCharsets.US_ASCII)).contains("BAK*00*AC*" + po)
                    .contains("ACK*IA*24*EA").contains("ACK*IR*12*EA").contains("ACK*IR*1*EA").contains("CTT*3~");
        }
    }

    @Test
    void aLineBeyondFreeStockIsOrderedAllTheSameAndAcknowledgedAsBackordered() throws Exception {
        TestOdoo odoo = OdooTestResource.odoo();
        String po = "SHORT-" + UUID.randomUUID().toString().substring(0, 8);
        String sku = "SCARCE-" + po.substring(6);
        odoo.storableProduct("Scarce widget", sku, 2.0);
        odoo.stock(sku, new java.math.BigDecimal("5"));
        try (var partner = PartnerSftpClient.demoPartner(); var orders = new KafkaTopicReader(bootstrap, "crossdock.orders")) {
            partner.put("inbox/850-" + po + ".edi", DemoOrders.bytes(DemoOrders.x12(DemoOrders.interchange(), po, "20261122")
                    .replace("PO1*2*12*EA*7.95*PE*VN*SKU-2002", "PO1*2*8*EA*2.00*PE*VN*" + sku)));

            JsonNode ack = CanonicalJson.MAPPER.readTree(await().atMost(Duration.ofSeconds(60))
                    .until(() -> event(orders, po, EventType.ORDER_ACCEPTED), r -> r != null).value());
            assertThat(ack.get("status").asText()).isEqualTo("CHANGED");
            assertThat(ack.get("lines")).extracting(line -> line.get("status").asText()).containsExactly("ACCEPTED", "BACKORDERED");
            assertThat(ack.get("lines").get(1).get("reason").asText()).isEqualTo("only 5 of 8 free in stock, the rest is backordered");
            assertThat((List<?>) saleOrders(odoo, po).get(0).get("order_line")).as("the short line is ordered all the same").hasSize(2);
            String ack855 = await().atMost(Duration.ofSeconds(30)).until(() -> partner.list("outbox").stream()
                    .filter(f -> f.startsWith("855-" + po + "-")).findFirst().orElse(null), f -> f != null);
            assertThat(new String(partner.get("outbox/" + ack855), StandardCharsets.US_ASCII)).contains("BAK*00*AC*" + po)
                    .contains("ACK*IA*24*EA").contains("ACK*IB*8*EA");
        }
    }

    @Test
    void anOrderPastTheCustomersCreditLimitWaitsUnconfirmedUntilAPersonConfirmsItInOdoo() throws Exception {
        TestOdoo odoo = OdooTestResource.odoo();
        String po = "CREDIT-" + UUID.randomUUID().toString().substring(0, 8);
        long customer = ((Number) odoo.searchRead("res.partner", List.of(List.of("ref", "=", "DEMO")), List.of("id")).get(0).get("id"))
                .longValue();
        odoo.write("res.partner", List.of(customer), Map.of("use_partner_credit_limit", true, "credit_limit", 50.0));
        try (var partner = PartnerSftpClient.demoPartner(); var orders = new KafkaTopicReader(bootstrap, "crossdock.orders")) {
            partner.put("inbox/850-" + po + ".edi", DemoOrders.bytes(DemoOrders.x12(DemoOrders.interchange(), po, "20261122")));

            // Odoo warns the order (179.16) passes DEMO's 50.00 limit: it waits as a quotation, and a person is told why.
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("X-API-Key", "test-operator-key")
                    .get("/api/v1/orders/demo/" + po).then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("ON_HOLD"))
                    .body("needsAttention", org.hamcrest.Matchers.equalTo(true)));
            List<Map<String, Object>> quotation = saleOrders(odoo, po);
            assertThat(quotation).singleElement().satisfies(order -> assertThat(order).containsEntry("state", "draft"));
            List<String> reasons = given().header("X-API-Key", "test-operator-key").get("/api/v1/track/demo/" + po).then().extract()
                    .jsonPath().getList("timeline.findAll { it.stage == 'BUSINESS_EXCEPTION' }.description", String.class);
            assertThat(reasons).singleElement().asString().contains("waits in Odoo as quotation " + quotation.get(0).get("name"))
                    .contains("has reached its credit limit of: $\u00a050.00")
                    // DEMO's other confirmed, uninvoiced orders of this run count too, as in Odoo.
                    .containsPattern("Total amount due \\(including (sales orders and )?this document\\): \\$\u00a0[0-9,]+\\.[0-9]{2}");
            assertThat(event(orders, po, EventType.ORDER_ACCEPTED)).as("nothing told to the partner yet").isNull();
        } finally {
            odoo.write("res.partner", List.of(customer), Map.of("use_partner_credit_limit", false, "credit_limit", 0.0));
        }
        try (var partner = PartnerSftpClient.demoPartner(); var orders = new KafkaTopicReader(bootstrap, "crossdock.orders")) {
            // The credit controller confirms it in Odoo: the partner hears back as for any order.
            long order = ((Number) saleOrders(odoo, po).get(0).get("id")).longValue();
            odoo.execute("sale.order", "action_confirm", List.of(List.of(order)), Map.of());
            ConsumerRecord<String, byte[]> accepted = await().atMost(Duration.ofSeconds(60))
                    .until(() -> event(orders, po, EventType.ORDER_ACCEPTED), r -> r != null);
            JsonNode ack = CanonicalJson.MAPPER.readTree(accepted.value());
            assertThat(ack.get("lines")).extracting(line -> line.get("lineNumber").asText() + " " + line.get("status").asText() + " "
                    + line.get("quantity").get("value").asText()).containsExactly("1 ACCEPTED 24", "2 ACCEPTED 12");
            await().atMost(Duration.ofSeconds(30)).until(() -> partner.list("outbox").stream().anyMatch(f -> f.startsWith("855-" + po + "-")));
            given().header("X-API-Key", "test-operator-key").get("/api/v1/orders/demo/" + po).then()
                    .body("status", org.hamcrest.Matchers.equalTo("CONFIRMED"));
        }
    }

    @Test
    void anOrderForNoKnownCustomerIsRejectedAndGoesToAPerson() throws Exception {
        String po = "NOBODY-" + UUID.randomUUID().toString().substring(0, 8);
        Order order = new Order(po, "walk-in", java.time.LocalDate.of(2026, 11, 22), Order.Purpose.ORIGINAL,
                new Party(Party.Role.CUSTOMER, "Unknown Co", List.of(new PartyIdentifier(PartyIdentifier.Scheme.GLN, "0000000000000", null)), null),
                null, null, null, "USD", null,
                List.of(new Order.OrderLine("1", new ProductRef("SKU-1001", null, List.of(), null),
                        new Quantity(java.math.BigDecimal.ONE, "EA"), new Money(new java.math.BigDecimal("3.49"), "USD"), null)),
                List.of());
        try (var orders = new KafkaTopicReader(bootstrap, "crossdock.orders")) {
            publisher.publish(EventType.ORDER_RECEIVED, order, EventContext.of(UUID.randomUUID().toString(), "walk-in", "/test")).get();
            ConsumerRecord<String, byte[]> rejected = await().atMost(Duration.ofSeconds(60))
                    .until(() -> events(orders, "walk-in/" + po, EventType.ORDER_REJECTED), r -> r != null);
            assertThat(new String(rejected.value(), StandardCharsets.UTF_8)).contains("No Odoo customer for partner walk-in");
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("X-API-Key", "test-operator-key")
                .get("/api/v1/track/" + po).then().statusCode(200).body("timeline.stage", hasItems("BUSINESS_EXCEPTION")));
        assertThat(saleOrders(OdooTestResource.odoo(), po)).isEmpty();
    }

    private static ConsumerRecord<String, byte[]> event(KafkaTopicReader orders, String po, EventType type) {
        return events(orders, "demo/" + po, type);
    }

    private static ConsumerRecord<String, byte[]> events(KafkaTopicReader orders, String subject, EventType type) {
        return orders.records().stream().filter(r -> subject.equals(header(r, "ce_subject")))
                .filter(r -> type.cloudEventType().equals(header(r, "ce_type"))).findFirst().orElse(null);
    }

    private static List<Map<String, Object>> saleOrders(TestOdoo odoo, String po) {
        return odoo.searchRead("sale.order", List.of(List.of("client_order_ref", "=", po)),
                List.of("name", "state", "partner_id", "partner_shipping_id", "commitment_date", "amount_untaxed", "amount_tax",
                        "amount_total", "order_line"));
    }
}
