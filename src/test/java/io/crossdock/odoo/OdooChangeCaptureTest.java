package io.crossdock.odoo;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
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
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Changes in Odoo reach routes once: by Odoo's webhook (confirmed by reading the record, because
 * Odoo 17 calls before it commits) or, when Odoo loses the call, by the write_date poll.
 */
@QuarkusTest
@org.junit.jupiter.api.Tag("odoo")
@WithTestResource(KafkaTestResource.class)
@WithTestResource(SftpTestResource.class)
@WithTestResource(OdooTestResource.class)
class OdooChangeCaptureTest {

    private static boolean hooked;

    @TestHTTPResource("/webhooks/odoo/test-hook?secret=test-webhook-secret")
    URL hook;

    @Inject
    OdooChangesSeen seen;

    @BeforeEach
    void hookOdoo() {
        // A real Odoo has its automation rules from bin/real-odoo setup, calling this same URL.
        if (!hooked && !OdooTestResource.odoo().real()) {
            OdooEmulator odoo = OdooTestResource.odoo17();
            odoo.addWebhook("stock.picking", "on_create_or_write", hook.toString(), List.of("name", "state", "write_date"));
            odoo.addWebhook("sale.order", "on_create_or_write", hook.toString(), List.of("name", "write_date"));
            hooked = true;
        }
    }

    @AfterEach
    void heal() {
        OdooTestResource.odoo17().faults().reset();
    }

    @Test
    void odoosWebhookDeliversEachPickingChangeOnce() {
        TestOdoo odoo = OdooTestResource.odoo();
        long picking = confirmedOrderPicking(odoo);

        // The picking consumer polls only when it starts, so this delivery came by webhook.
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(seen.of("odoo-outgoing-pickings", picking)).hasSize(1));
        assertThat(seen.of("odoo-outgoing-pickings", picking).get(0).source()).isEqualTo("webhook");
        assertThat(seen.of("odoo-outgoing-pickings", picking).get(0).record()).containsEntry("state", "assigned");

        // Validating writes the picking again: one more change, with the new state.
        odoo.execute("stock.picking", "button_validate", List.of(List.of(picking)), Map.of());
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(seen.of("odoo-outgoing-pickings", picking)).extracting(s -> s.record().get("state"))
                        .containsExactly("assigned", "done"));
        if (!odoo.real()) {
            assertThat(OdooTestResource.odoo17().webhookOutcomes()).anyMatch(outcome -> outcome.startsWith("stock.picking/" + picking + " HTTP 202"));
        }
    }

    @Test
    void aChangeBothWebhookAndPollSeeIsDeliveredOnce() {
        TestOdoo odoo = OdooTestResource.odoo();
        long customer = odoo.create("res.partner", Map.of("name", "Twice Seen Co"));
        long order = odoo.create("sale.order", Map.of("partner_id", customer, "client_order_ref", "TWICE-" + UUID.randomUUID()));
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(seen.of("odoo-sale-orders", order)).hasSize(1));
        odoo.write("sale.order", List.of(order), Map.of("client_order_ref", "TWICE-AGAIN-" + UUID.randomUUID()));
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(seen.of("odoo-sale-orders", order)).hasSize(2));
        // The order poll runs twice a second and Odoo's webhook announced both writes: still one delivery each.
        Awaitility.await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(seen.of("odoo-sale-orders", order)).hasSize(2));
        assertThat(seen.of("odoo-sale-orders", order)).extracting(s -> s.record().get("client_order_ref")).doesNotHaveDuplicates();
    }

    @Test
    void theWriteDatePollDeliversWhatOdooNeverSentAndNothingTwice() {
        OdooTestResource.emulatorOnly("drops a webhook call");
        OdooEmulator odoo = OdooTestResource.odoo17();
        long customer = odoo.create("res.partner", Map.of("name", "Lost Webhook Co"));
        String po = "LOST-" + UUID.randomUUID();
        odoo.faults().dropWebhooks(1);
        long order = odoo.create("sale.order", Map.of("partner_id", customer, "client_order_ref", po));

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(seen.of("odoo-sale-orders", order)).hasSize(1));
        assertThat(seen.of("odoo-sale-orders", order).get(0).source()).isEqualTo("poll");
        assertThat(odoo.webhookOutcomes()).contains("sale.order/" + order + " dropped");

        // A later change to another order arrives after this one has been through webhook and poll paths.
        long marker = odoo.create("sale.order", Map.of("partner_id", customer, "client_order_ref", po + "-marker"));
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(seen.of("odoo-sale-orders", marker)).hasSize(1));
        Awaitility.await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(seen.of("odoo-sale-orders", marker)).hasSize(1));
        assertThat(seen.of("odoo-sale-orders", order)).hasSize(1);
    }

    @Test
    void badWebhookCallsGetAClear4xxAndReachNoRoute() {
        // Ids no Odoo record has, so another test's late webhook cannot be mistaken for one of these.
        long picking = 987_654_321L;
        String body = "{\"_action\": \"Notify(#1)\", \"_id\": " + picking + ", \"_model\": \"stock.picking\", \"id\": " + picking + "}";
        given().contentType("application/json").body(body).post("/webhooks/odoo/test-hook").then().statusCode(401)
                .body("title", org.hamcrest.Matchers.equalTo("Missing webhook secret"));
        given().contentType("application/json").body(body).post("/webhooks/odoo/test-hook?secret=guess").then().statusCode(401)
                .body("title", org.hamcrest.Matchers.equalTo("Wrong webhook secret"));
        given().contentType("application/json").header("X-Crossdock-Webhook-Secret", "test-webhook-secret").body("{not json")
                .post("/webhooks/odoo/test-hook").then().statusCode(400);
        given().contentType("application/json").body("{\"_id\": " + picking + ", \"_model\": \"account.move\"}")
                .post("/webhooks/odoo/test-hook?secret=test-webhook-secret").then().statusCode(422)
                .body("detail", org.hamcrest.Matchers.containsString("account.move"));
        given().contentType("application/json").body(body).post("/webhooks/odoo/no-such-hook?secret=x").then().statusCode(404);
        given().contentType("application/json").body("{\"_model\": \"stock.picking\"}")
                .post("/webhooks/odoo/test-hook?secret=test-webhook-secret").then().statusCode(400);
        assertThat(seen.withId(picking)).isEmpty();
    }

    private static long confirmedOrderPicking(TestOdoo odoo) {
        long customer = odoo.create("res.partner", Map.of("name", "Webhook Retail"));
        String sku = "SKU-WH-" + UUID.randomUUID();
        long product = odoo.storableProduct("Webhook widget", sku, 1.0);
        odoo.stock(sku, new java.math.BigDecimal("10"));
        long order = odoo.create("sale.order", Map.of("partner_id", customer, "client_order_ref", "WH-" + UUID.randomUUID(),
                "order_line", List.of(List.of(0, 0, Map.of("product_id", product, "product_uom_qty", 4.0)))));
        odoo.execute("sale.order", "action_confirm", List.of(List.of(order)), Map.of());
        return odoo.id("stock.picking", List.of(List.of("sale_id", "=", order)));
    }
}
