package io.crossdock.odoo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crossdock.sandbox.odoo.OdooEmulator;
import io.crossdock.testing.KafkaTestResource;
import io.crossdock.testing.OdooTestResource;
import io.crossdock.testing.SftpTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One route, four Odoo versions: the same newest field names and values work against 16, 17, 18
 * and 19, each over the protocol {@code auto} picks, because the differences live in the dialect.
 * (A Quarkus test only because the connector's fault tolerance runs inside the app.)
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(SftpTestResource.class)
@WithTestResource(OdooTestResource.class)
class OdooVersionsTest {

    @ParameterizedTest
    @ValueSource(ints = {16, 17, 18, 19})
    void routesWriteTheNewestNamesAndReadThemBack(int version) {
        try (OdooEmulator odoo = OdooEmulator.start(OdooEmulator.Settings.of(version))) {
            OdooClient client = client(odoo);
            assertThat(client.version()).isEqualTo(version);

            long product = client.create("product.product", List.of(Map.of("name", "Storable", "is_storable", true))).get(0);
            assertThat(client.read("product.product", List.of(product), List.of("type", "is_storable")).get(0))
                    .containsEntry("type", "consu").containsEntry("is_storable", true);

            long customer = client.create("res.partner", List.of(Map.of("name", "Versions Co"))).get(0);
            long order = client.create("sale.order", List.of(Map.of("partner_id", customer, "order_line", List.of(
                    Map.of("product_id", product, "product_uom_qty", 2, "product_uom_id", 1, "price_unit", new BigDecimal("9.99")))))).get(0);
            Map<String, Object> line = client.searchRead("sale.order.line", List.of(List.of("order_id", "=", order)),
                    List.of("product_uom_id", "price_subtotal"), null, null, null).get(0);
            assertThat(line.get("product_uom_id")).isEqualTo(new OdooRef(1, "Units"));
            assertThat(line.get("price_subtotal")).isEqualTo(new BigDecimal("19.98"));

            odoo.execute("stock.quant", "action_apply_inventory", List.of(odoo.create("stock.quant",
                    Map.of("product_id", product, "location_id", 1, "inventory_quantity", 5.0))), Map.of(), Map.of());
            client.call("sale.order", "action_confirm", List.of(order), Map.of(), Map.of());
            client.call("sale.order", "action_lock", List.of(order), Map.of(), Map.of());
            assertThat(client.read("sale.order", List.of(order), List.of("state", "locked")).get(0))
                    .containsEntry("state", "sale").containsEntry("locked", true);

            long move = client.search("stock.move", List.of(List.of("picking_id.sale_id", "=", order)), null, null, null).get(0);
            client.write("stock.move", List.of(move), Map.of("quantity", 2, "picked", true));
            assertThat(client.read("stock.move", List.of(move), List.of("quantity")).get(0).get("quantity")).isEqualTo(new BigDecimal("2.0"));
        }
    }

    private static OdooClient client(OdooEmulator odoo) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(OdooConfig.class)
                .withDefaultValues(Map.of(
                        "crossdock.odoo.url", odoo.url().toString(),
                        "crossdock.odoo.database", odoo.settings().database(),
                        "crossdock.odoo.login", odoo.settings().login(),
                        "crossdock.odoo.api-key", odoo.settings().apiKey()))
                .build();
        return new OdooClient("versions-" + odoo.version(), config.getConfigMapping(OdooConfig.class), config.getConfigMapping(OdooConfig.class),
                new ObjectMapper());
    }
}
