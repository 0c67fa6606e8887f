package io.crossdock.orchestration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.crossdock.testing.KafkaTestResource;
import io.crossdock.testing.OdooTestResource;
import io.crossdock.testing.SftpTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** A calling system's order over REST: checked, accepted once however often it is retried, placed in Odoo like any other. */
@QuarkusTest
@org.junit.jupiter.api.Tag("odoo")
@WithTestResource(KafkaTestResource.class)
@WithTestResource(SftpTestResource.class)
@WithTestResource(OdooTestResource.class)
class OrderApiTest {

    private static final String CHANNEL = "test-channel-key";
    private static final String OPERATOR = "test-operator-key";

    @Test
    void anOrderIsAcceptedOnceHoweverOftenItIsRetried() {
        String po = "WEB-" + UUID.randomUUID().toString().substring(0, 8);
        String key = UUID.randomUUID().toString();
        String first = given().header("X-API-Key", CHANNEL).header("Idempotency-Key", key).contentType("application/json")
                .body(order(po, "24")).post("/api/v1/orders")
                .then().statusCode(202).header("Location", org.hamcrest.Matchers.endsWith("/api/v1/orders/test-channel/" + po))
                .body("trackingKey", equalTo("test-channel/" + po)).body("status", equalTo("RECEIVED")).extract().asString();
        for (int retry = 0; retry < 2; retry++) {
            String again = given().header("X-API-Key", CHANNEL).header("Idempotency-Key", key).contentType("application/json")
                    .body(order(po, "24")).post("/api/v1/orders").then().statusCode(202).header("Idempotent-Replayed", "true")
                    .extract().asString();
            assertThat(again).isEqualTo(first);
        }
        given().header("X-API-Key", CHANNEL).header("Idempotency-Key", key).contentType("application/json")
                .body(order(po, "99")).post("/api/v1/orders").then().statusCode(422)
                .body("title", equalTo("Idempotency-Key reused"));
        // Every write is audited with its caller and answer, the replays and the refusal too.
        List<Map<String, Object>> audited = given().header("X-API-Key", OPERATOR).get("/api/v1/audit?client=test-channel&limit=50")
                .then().statusCode(200).extract().jsonPath().getList("findAll { it.idempotencyKey == '" + key + "' }");
        assertThat(audited).extracting(entry -> entry.get("status")).containsExactly(422, 202, 202, 202);
        assertThat(audited).allSatisfy(entry -> assertThat(entry).containsEntry("method", "POST").containsEntry("path", "/api/v1/orders"));
        assertThat((String) audited.get(3).get("location")).endsWith("/api/v1/orders/test-channel/" + po);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("X-API-Key", CHANNEL)
                .get("/api/v1/orders/test-channel/" + po).then().statusCode(200).body("status", equalTo("CONFIRMED")));
        assertThat(OdooTestResource.odoo().searchRead("sale.order", List.of(List.of("client_order_ref", "=", po)), List.of("state")))
                .singleElement().satisfies(order -> assertThat(order).containsEntry("state", "sale"));
        given().header("X-API-Key", OPERATOR).get("/api/v1/track/" + po).then().statusCode(200)
                .body("timeline.stage", hasItem("API_ORDER_RECEIVED"));
    }

    @Test
    void callersNeedAKeyTheRightRoleAndAValidOrder() {
        String po = "BAD-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType("application/json").body(order(po, "1")).post("/api/v1/orders").then().statusCode(401);
        given().header("X-API-Key", OPERATOR).contentType("application/json").body(order(po, "1")).post("/api/v1/orders")
                .then().statusCode(403);
        given().header("X-API-Key", CHANNEL).contentType("application/json").body(order(po, "\"many\"")).post("/api/v1/orders")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(org.hamcrest.Matchers.containsString("quantity")));
        given().header("X-API-Key", CHANNEL).contentType("application/json").body("{\"poNumber\": \"" + po + "\"}")
                .post("/api/v1/orders").then().statusCode(400).body("errors.field", hasItem(org.hamcrest.Matchers.containsString("lines")));
        given().header("X-API-Key", CHANNEL).contentType("application/json").body("{not json").post("/api/v1/orders")
                .then().statusCode(400).body("title", equalTo("Malformed JSON"));
        given().header("X-API-Key", CHANNEL).contentType("application/json")
                .body(order(po, "1").replace("\"poNumber\"", "\"partner\": \"someone-else\", \"poNumber\""))
                .post("/api/v1/orders").then().statusCode(400).body("errors.field", hasItem("partner"));
        given().header("X-API-Key", CHANNEL).get("/api/v1/orders/demo/DEMO-PO-1001").then().statusCode(403);
        given().header("X-API-Key", CHANNEL).get("/api/v1/orders/test-channel/NO-SUCH-PO").then().statusCode(404);
    }

    @Test
    void aClientOverItsBudgetIsToldWhenToComeBackAndOthersAreNotHeldUp() {
        // test-limited may make 3 requests per minute (application.properties, %test).
        for (int i = 0; i < 3; i++) {
            given().header("X-API-Key", "test-limited-key").get("/api/v1/orders/test-limited/PO-" + i).then().statusCode(404);
        }
        int retryAfter = Integer.parseInt(given().header("X-API-Key", "test-limited-key").get("/api/v1/orders/test-limited/PO-4")
                .then().statusCode(429).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("3 requests per PT1M"))
                .extract().header("Retry-After"));
        assertThat(retryAfter).isBetween(1, 60);
        given().header("X-API-Key", CHANNEL).get("/api/v1/orders/test-channel/NO-SUCH-PO").then().statusCode(404);
    }

    @Test
    void theApiIsDescribedAsOpenApi() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/orders'.post", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/v1/orders/{partner}/{po}'.get", org.hamcrest.Matchers.notNullValue());
    }

    private static String order(String po, String quantity) {
        return """
                {"poNumber": "%s", "orderDate": "2026-11-22", "purpose": "ORIGINAL", "currency": "USD",
                 "buyer": {"role": "CUSTOMER", "name": "DEMO RETAIL", "identifiers": [{"scheme": "PARTNER", "value": "DEMO"}]},
                 "lines": [{"lineNumber": "1", "product": {"sku": "SKU-1001"}, "quantity": {"value": %s, "unit": "EA"},
                            "unitPrice": {"amount": 3.49, "currency": "USD"}}]}
                """.formatted(po, quantity);
    }

}
