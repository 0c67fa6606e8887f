package io.crossdock.edi;

import static io.crossdock.edi.ConformanceMappings.SCHEMAS;
import static io.crossdock.edi.ConformanceMappings.canonical;
import static io.crossdock.edi.ConformanceMappings.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.crossdock.canonical.EventType;
import io.crossdock.canonical.Order;
import org.junit.jupiter.api.Test;

/** Warehouse shipping orders (940) in the conformance set, as the orders they ask us to ship. */
class WarehouseOrderMappingTest {

    private static final Path X12 = EdiReaderConformanceTest.X12;

    @Test
    void aShippingOrderBecomesAnOrderWithItsDatesPartiesAndThreeLines() throws Exception {
        JsonNode json = map(X12.resolve("940_warehouse_shipping_order.edi"), "x12/940.loops.yaml", "x12/940-to-order.jsonata").get(0);
        Order order = canonical(json, EventType.ORDER_RECEIVED, Order.class);

        assertThat(order.poNumber()).as("no W05-03: the depositor's order number").isEqualTo("538686");
        assertThat(order.orderDate()).as("no G62*04: the interchange's date").hasToString("2010-11-27");
        assertThat(order.requestedDeliveryDate()).as("G62*02, deliver no later than").hasToString("2000-02-07");
        assertThat(order.buyer().name()).isEqualTo("DE COMPANY");
        assertThat(order.shipTo().name()).isEqualTo("ST COMPANY");
        assertThat(order.shipTo().address().region()).isEqualTo("CA");
        assertThat(order.notes()).containsExactly("SHIP ON CHEP PALLETS");
        assertThat(order.lines()).extracting(line -> line.lineNumber() + " " + line.quantity().value() + " " + line.quantity().unit() + " "
                + line.product().sku() + " " + line.product().gtin() + " " + line.product().description()).containsExactly(
                        "1 12 CA 000100 000100000010 11.500 STRUD BLUBRY", "2 32 CA 000200 000000000220 11.500 STRUD CINN",
                        "3 12 CA 000300 000000000330 11.500 STRUDEL RASPBRY");
        assertThat(order.lines().get(0).product().partnerItemNumbers()).extracting(item -> item.qualifier() + "=" + item.value())
                .containsExactly("UC=DEC0199");
    }

    @Test
    void everyShippingOrderOfBothInterchangesIsAnOrder() throws Exception {
        List<JsonNode> orders = map(X12.resolve("two_interchanges_multi_groups.edi"), "x12/940.loops.yaml", "x12/940-to-order.jsonata");
        // Six sets in four groups of two interchanges, all repeating one order: the order flow, idempotent
        // on (partner, PO), would place it once.
        assertThat(orders).hasSize(6);
        for (JsonNode json : orders) {
            assertThat(SCHEMAS.validateData(EventType.ORDER_RECEIVED, json)).as(json.toPrettyString()).isEmpty();
        }
        assertThat(orders).extracting(json -> json.path("poNumber").asText() + " " + json.path("lines").get(0).path("quantity").path("value"))
                .containsOnly("538686 12");
    }
}
