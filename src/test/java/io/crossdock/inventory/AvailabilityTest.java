package io.crossdock.inventory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.crossdock.canonical.EventType;
import io.crossdock.canonical.InventoryPosition;
import io.crossdock.canonical.ProductRef;
import io.crossdock.canonical.Quantity;
import io.crossdock.events.EventContext;
import io.crossdock.events.EventPublisher;
import io.crossdock.testing.KafkaTestResource;
import io.crossdock.testing.OdooTestResource;
import io.crossdock.testing.TestOdoo;
import io.crossdock.testing.PartnerSftpClient;
import io.crossdock.testing.SftpTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** GET /availability: Odoo's stock per SKU, kept briefly, and fresh again as soon as an InventoryAdjusted names the SKU. */
@QuarkusTest
@org.junit.jupiter.api.Tag("odoo")
@WithTestResource(KafkaTestResource.class)
@WithTestResource(SftpTestResource.class)
@WithTestResource(OdooTestResource.class)
class AvailabilityTest {

    private static final String CHANNEL = "test-channel-key";

    @Inject
    EventPublisher events;

    @Test
    void stockIsAnsweredFromOdooAndRefreshedWhenInventoryIsAdjusted() throws Exception {
        TestOdoo odoo = OdooTestResource.odoo();
        String sku = "AVAIL-" + UUID.randomUUID().toString().substring(0, 8);
        odoo.storableProduct("Availability probe", sku, 1.0);
        odoo.stock(sku, new BigDecimal("50"));

        given().header("X-API-Key", CHANNEL).get("/api/v1/availability?sku=" + sku + "&sku=NO-SUCH-SKU").then().statusCode(200)
                .body("positions.product.sku", contains(sku)).body("positions[0].onHand.value", equalTo(50))
                .body("positions[0].available.value", equalTo(50)).body("unknownSkus", contains("NO-SUCH-SKU"));

        // The warehouse counts 75; within the cache's life the answer is still the one Odoo gave.
        odoo.stock(sku, new BigDecimal("75"));
        given().header("X-API-Key", CHANNEL).get("/api/v1/availability?sku=" + sku).then().statusCode(200)
                .body("positions[0].onHand.value", equalTo(50));

        // The adjustment is announced: the next answer is Odoo's new figure. (Published until seen: the
        // pod's cache consumer starts from the newest offset once Kafka has assigned it its partitions.)
        InventoryPosition adjusted = new InventoryPosition(new ProductRef(sku, null, null, null), "WH",
                new Quantity(new BigDecimal("75"), "EA"), new Quantity(new BigDecimal("75"), "EA"), OffsetDateTime.now(ZoneOffset.UTC));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            events.publish(EventType.INVENTORY_ADJUSTED, adjusted, EventContext.of(UUID.randomUUID().toString(), null, "/test/wms")).get();
            given().header("X-API-Key", CHANNEL).get("/api/v1/availability?sku=" + sku).then().statusCode(200)
                    .body("positions[0].onHand.value", equalTo(75));
        });

        // A stock change belongs to no partner: every partner whose profile asks for it gets an 846 (demo does).
        try (var partner = PartnerSftpClient.demoPartner()) {
            String advice = await().atMost(Duration.ofSeconds(30)).until(() -> partner.list("outbox").stream()
                    .filter(name -> name.startsWith("846-WH_" + sku + "-")).findFirst().orElse(null), name -> name != null);
            assertThat(new String(partner.get("outbox/" + advice), java.nio.charset.StandardCharsets.US_ASCII))
                    .contains("GS*IB*CROSSDOCK*DEMO*").contains("LIN**VN*" + sku + "~").contains("QTY*17*75*EA~").contains("QTY*33*75*EA~");
        }
    }

    @Test
    void askingForNothingNamesTheMissingParameter() {
        given().header("X-API-Key", CHANNEL).get("/api/v1/availability").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("sku"));
        given().get("/api/v1/availability?sku=SKU-1001").then().statusCode(401);
    }
}
