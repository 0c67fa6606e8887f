package io.crossdock.odoo;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasItem;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.crossdock.sandbox.odoo.OdooEmulator;
import io.crossdock.testing.KafkaTestResource;
import io.crossdock.testing.OdooTestResource;
import io.crossdock.testing.TestOdoo;
import io.crossdock.testing.SftpTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The odoo: component from YAML routes against emulated Odoo 17 (JSON-RPC) and 19 (JSON-2) over HTTP. */
@QuarkusTest
@org.junit.jupiter.api.Tag("odoo")
@WithTestResource(KafkaTestResource.class)
@WithTestResource(SftpTestResource.class)
@WithTestResource(OdooTestResource.class)
class OdooConnectorTest {

    @Inject
    ProducerTemplate routes;

    @Inject
    OdooConnections connections;

    @AfterEach
    void healOdoo() {
        OdooTestResource.odoo17().faults().reset();
        OdooTestResource.odoo19().faults().reset();
        CircuitBreakerMaintenance.get().resetAll();
    }

    @Test
    void aYamlRouteTakesAnOrderThroughOdoo17And19() {
        TestOdoo odoo19 = new TestOdoo(OdooTestResource.odoo19().url(), OdooTestResource.odoo19().settings().database(),
                OdooTestResource.odoo19().settings().login(), OdooTestResource.odoo19().settings().apiKey(), false);
        for (var version : List.of(Map.entry("default", OdooTestResource.odoo()), Map.entry("odoo19", odoo19))) {
            TestOdoo odoo = version.getValue();
            String sku = "SKU-RT-" + UUID.randomUUID().toString().substring(0, 8);
            long customer = odoo.create("res.partner", Map.of("name", "Roundtrip Retail", "ref", "RR-1"));
            long product = connections.client(version.getKey()).create("product.product", List.of(Map.of("name", "Blue widget",
                    "default_code", sku, "list_price", 3.49, "is_storable", true))).get(0);
            odoo.stock(sku, new BigDecimal("100"));
            long units = odoo.id("uom.uom", List.of(List.of("name", "=", "Units")));
            String po = "PO-" + UUID.randomUUID();

            // Routes use the newest field names; the connector renames product_uom_id for Odoo 17.
            Map<String, Object> order = Map.of("partner_id", customer, "client_order_ref", po,
                    "commitment_date", Instant.parse("2026-12-01T09:30:00Z"),
                    "order_line", List.of(Map.of("product_id", product, "product_uom_qty", new BigDecimal("24"),
                            "price_unit", new BigDecimal("3.49"), "product_uom_id", units)));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> pickings = routes.requestBody("direct:odoo-order-roundtrip-" + version.getKey(), order, List.class);

            assertThat(pickings).hasSize(1);
            Map<String, Object> picking = pickings.get(0);
            assertThat(picking.get("state")).as("%s", version.getKey()).isEqualTo("done");
            assertThat(picking.get("date_done")).isInstanceOf(Instant.class);
            List<Map<String, Object>> inOdoo = odoo.searchRead("sale.order", List.of(List.of("client_order_ref", "=", po)),
                    List.of("name", "state", "delivery_status", "commitment_date", "picking_ids"));
            assertThat(inOdoo).hasSize(1);
            assertThat(inOdoo.get(0)).containsEntry("state", "sale").containsEntry("delivery_status", "full")
                    .containsEntry("commitment_date", "2026-12-01 09:30:00");
            // The delivery names its order (and on 18 the customer's reference after it).
            assertThat((String) picking.get("origin")).startsWith((String) inOdoo.get(0).get("name"));
            assertThat(odoo.searchRead("product.product", List.of(List.of("id", "=", product)), List.of("qty_available")).get(0))
                    .containsEntry("qty_available", 76.0);
        }
        assertThat(OdooTestResource.odoo19().calls()).containsKey("sale.order/create");
    }

    @Test
    void readsComeBackAsJavaValues() {
        TestOdoo odoo = OdooTestResource.odoo();
        long parent = odoo.create("res.partner", Map.of("name", "Parent Co"));
        long child = odoo.create("res.partner", Map.of("name", "Child", "parent_id", parent));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> read = routes.requestBody("direct:odoo-read-partner", List.of(child), List.class);
        assertThat(read.get(0)).containsEntry("parent_id", new OdooRef(parent, "Parent Co")).containsEntry("ref", null)
                .containsEntry("id", child);
    }

    @Test
    void odoosRefusalIsABusinessExceptionAndNotRetried() {
        connections.client().fields("sale.order");
        long before = OdooTestResource.odoo17().calls().getOrDefault("sale.order/create", 0L);
        String key = "NO-CUSTOMER-" + UUID.randomUUID();
        Object answer = routes.requestBodyAndHeader("direct:odoo-create-order", Map.of("client_order_ref", key),
                "CrossdockBusinessKey", key);

        assertThat(answer).isEqualTo("rejected");
        assertThat(OdooTestResource.odoo().searchRead("sale.order", List.of(List.of("client_order_ref", "=", key)), List.of("id"))).isEmpty();
        if (!OdooTestResource.odoo().real()) {
            assertThat(OdooTestResource.odoo17().calls().get("sale.order/create") - before).as("one create, never repeated").isEqualTo(1);
        }
        given().header("X-API-Key", "test-operator-key").when().get("/api/v1/track/" + key).then().statusCode(200)
                .body("timeline.stage", hasItem("BUSINESS_EXCEPTION"))
                .body("timeline.description", hasItem(org.hamcrest.Matchers.containsString("mandatory field is not set")));
    }

    @Test
    void accessErrorsAreNotRetriedAndGoToAPerson() {
        OdooTestResource.emulatorOnly("denies writes to sale.order");
        OdooEmulator odoo = OdooTestResource.odoo17();
        long customer = odoo.create("res.partner", Map.of("name", "Locked Out Customer"));
        connections.client().fields("sale.order");
        odoo.faults().denyWrites("sale.order");
        long before = odoo.calls().getOrDefault("sale.order/create", 0L);
        String key = "DENIED-" + UUID.randomUUID();
        Object answer = routes.requestBodyAndHeader("direct:odoo-create-order", Map.of("partner_id", customer, "client_order_ref", key),
                "CrossdockBusinessKey", key);

        assertThat(answer).isEqualTo("rejected");
        assertThat(odoo.calls().get("sale.order/create") - before).isEqualTo(1);
        given().header("X-API-Key", "test-operator-key").when().get("/api/v1/track/" + key).then().statusCode(200)
                .body("timeline.description", hasItem(org.hamcrest.Matchers.containsString("not allowed to modify 'sale.order'")));
    }

    @Test
    void privateMethodsAreRefusedLikeOdooDoes() {
        OdooTestResource.emulatorOnly("the odoo19 connection is always emulated");
        OdooClient client = connections.client("odoo19");
        assertThatThrownBy(() -> client.call("res.partner", "_compute_display_name", List.of(1L), Map.of(), Map.of()))
                .isInstanceOf(OdooAccessException.class).hasMessageContaining("Private methods");
    }

    @Test
    void serializationFailuresAreRetriedAndCreateOnce() {
        OdooTestResource.emulatorOnly("injects serialization failures");
        OdooEmulator odoo = OdooTestResource.odoo17();
        long customer = odoo.create("res.partner", Map.of("name", "Busy Customer"));
        String po = "RACE-" + UUID.randomUUID();
        odoo.faults().serializationFailures(2);
        Object id = routes.requestBody("direct:odoo-create-order", Map.of("partner_id", customer, "client_order_ref", po));

        assertThat(id).isInstanceOf(Long.class);
        assertThat(odoo.searchRead("sale.order", List.of(List.of("client_order_ref", "=", po)), List.of("id"))).hasSize(1);
    }

    @Test
    void timeoutsOfReadsAreRetriedButACreateIsNeverRepeated() {
        OdooTestResource.emulatorOnly("slows requests down");
        OdooEmulator odoo = OdooTestResource.odoo17();
        long partner = odoo.create("res.partner", Map.of("name", "Slow Partner"));
        connections.client().fields("res.partner");
        odoo.faults().slowRequests(1, Duration.ofMillis(1500));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> read = routes.requestBody("direct:odoo-read-partner", partner, List.class);
        assertThat(read.get(0)).containsEntry("name", "Slow Partner");

        String po = "SLOW-" + UUID.randomUUID();
        odoo.faults().slowRequests(1, Duration.ofMillis(1500));
        assertThatThrownBy(() -> routes.requestBody("direct:odoo-create-order", Map.of("partner_id", partner, "client_order_ref", po)))
                .isInstanceOf(CamelExecutionException.class).hasCauseInstanceOf(OdooOutcomeUnknownException.class);
        // The slow create did commit: repeating it would have made a second order.
        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                odoo.searchRead("sale.order", List.of(List.of("client_order_ref", "=", po)), List.of("id"))).hasSize(1));
    }

    @Test
    void theCircuitOpensOnTransportFailuresAndClosesWhenOdooIsBack() {
        OdooTestResource.emulatorOnly("injects server errors");
        OdooEmulator odoo = OdooTestResource.odoo19();
        OdooClient client = connections.client("odoo19");
        long partner = odoo.create("res.partner", Map.of("name", "Breaker Test"));
        client.read("res.partner", List.of(partner), List.of("name"));
        odoo.faults().serverErrors(1_000);

        assertThatThrownBy(() -> client.read("res.partner", List.of(partner), List.of("name")))
                .isInstanceOf(OdooUnavailableException.class);
        assertThat(client.health().circuit()).isEqualTo(io.smallrye.faulttolerance.api.CircuitBreakerState.OPEN);
        long whileOpen = odoo.requests();
        assertThatThrownBy(() -> client.read("res.partner", List.of(partner), List.of("name")))
                .isInstanceOf(OdooUnavailableException.class);
        assertThat(odoo.requests()).as("an open breaker spares Odoo").isEqualTo(whileOpen);

        odoo.faults().reset();
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .ignoreException(OdooUnavailableException.class).untilAsserted(() ->
                assertThat(client.read("res.partner", List.of(partner), List.of("name")).get(0)).containsEntry("name", "Breaker Test"));
        assertThat(client.health().circuit()).isEqualTo(io.smallrye.faulttolerance.api.CircuitBreakerState.CLOSED);
    }

    @Test
    void aRejectedKeyIsNotRetriedAndTakesTheHubOutOfReadiness() {
        OdooTestResource.emulatorOnly("expires API keys");
        // Odoo 19 here: no change-capture route polls it in the background, so every request counted is ours.
        OdooEmulator odoo = OdooTestResource.odoo19();
        OdooClient client = connections.client("odoo19");
        client.version();
        odoo.faults().keysExpired(true);
        long before = odoo.requests();
        assertThatThrownBy(() -> client.searchRead("res.partner", List.of(), List.of("name"), 0, 1, null))
                .isInstanceOf(OdooAuthenticationException.class);
        assertThat(odoo.requests() - before).isEqualTo(1);
        given().when().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'odoo' }.status", org.hamcrest.Matchers.equalTo("DOWN"))
                .body("checks.find { it.name == 'odoo' }.data.odoo19", org.hamcrest.Matchers.startsWith("DOWN"));

        odoo.faults().keysExpired(false);
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().when().get("/q/health/ready").then().statusCode(200));
    }
}
