package io.crossdock.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import io.crossdock.testing.KafkaTestResource;
import io.crossdock.testing.OdooTestResource;
import io.crossdock.testing.OidcTestResource;
import io.crossdock.testing.SftpTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** With an identity provider configured, calling systems use OIDC bearer tokens beside API keys. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(SftpTestResource.class)
@WithTestResource(OdooTestResource.class)
@WithTestResource(OidcTestResource.class)
class OidcBearerTest {

    @Test
    void aTokensClientAndRolesAreTheCallersAndItsOrdersItsOwn() {
        String po = "OIDC-" + UUID.randomUUID().toString().substring(0, 8);
        String token = OidcTestResource.token("oidc-webshop", "channel");
        given().auth().oauth2(token).contentType("application/json").body(order(po)).post("/api/v1/orders")
                .then().statusCode(202).body("trackingKey", equalTo("oidc-webshop/" + po));
        given().auth().oauth2(token).get("/api/v1/orders/oidc-webshop/" + po).then().statusCode(200);
        given().auth().oauth2(token).get("/api/v1/orders/demo/DEMO-PO-1001").then().statusCode(403);
        // API keys keep working beside tokens.
        given().header("X-API-Key", "test-channel-key").get("/api/v1/orders/test-channel/NO-SUCH-PO").then().statusCode(404);
    }

    @Test
    void forgedExpiredOrUnderprivilegedTokensAreTurnedAway() {
        String po = "OIDC-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(OidcTestResource.forgedToken("oidc-webshop", "channel")).contentType("application/json").body(order(po))
                .post("/api/v1/orders").then().statusCode(401);
        given().auth().oauth2(OidcTestResource.expiredToken("oidc-webshop", "channel")).contentType("application/json").body(order(po))
                .post("/api/v1/orders").then().statusCode(401);
        given().auth().oauth2(OidcTestResource.token("oidc-reporting", "operator")).contentType("application/json").body(order(po))
                .post("/api/v1/orders").then().statusCode(403);
    }

    private static String order(String po) {
        return """
                {"poNumber": "%s", "orderDate": "2026-11-22", "purpose": "ORIGINAL", "currency": "USD",
                 "buyer": {"role": "CUSTOMER", "name": "DEMO RETAIL", "identifiers": [{"scheme": "PARTNER", "value": "DEMO"}]},
                 "lines": [{"lineNumber": "1", "product": {"sku": "SKU-1001"}, "quantity": {"value": 2, "unit": "EA"},
                            "unitPrice": {"amount": 3.49, "currency": "USD"}}]}
                """.formatted(po);
    }
}
