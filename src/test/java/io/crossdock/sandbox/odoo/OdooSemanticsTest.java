package io.crossdock.sandbox.odoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.crossdock.testing.TestOdoo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What Odoo does that the hub and users of the {@code odoo:} component rely on, asserted the same
 * way against the emulator (every build) and a real Odoo (bin/real-odoo-test): where the two
 * disagree, the real server is right and the emulator is fixed. Each case was first seen on a
 * real Odoo 17.
 */
@Tag("odoo")
class OdooSemanticsTest {

    private static OdooEmulator emulator;
    private static TestOdoo odoo;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void connect() {
        odoo = TestOdoo.fromEnvironment().orElseGet(() -> {
            emulator = OdooEmulator.start(OdooEmulator.Settings.of(17));
            OdooSeedFile.load(emulator, Path.of("mappings/sandbox/odoo/seed.yaml"));
            OdooEmulator.Settings settings = emulator.settings();
            return new TestOdoo(emulator.url(), settings.database(), settings.login(), settings.apiKey(), false);
        });
    }

    @AfterAll
    static void close() {
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void likeTakesTheValuesOwnPercentAndUnderscoreAsWildcards() {
        assertThat(names(List.of(List.of("name", "ilike", "demo%retail")))).contains("DEMO RETAIL");
        assertThat(names(List.of(List.of("name", "ilike", "DEMO_RETAIL")))).contains("DEMO RETAIL");
        assertThat(names(List.of(List.of("name", "=ilike", "demo retail")))).containsOnly("DEMO RETAIL");
    }

    @Test
    void domainOperatorsBeyondComparisons() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long parent = odoo.create("res.partner", Map.of("name", "Parent " + tag, "is_company", true));
        long child = odoo.create("res.partner", Map.of("name", "Dock " + tag, "parent_id", parent, "type", "delivery"));
        long loner = odoo.create("res.partner", Map.of("name", "Loner " + tag));

        assertThat(ids(List.of(List.of("id", "child_of", parent)))).containsExactlyInAnyOrder(parent, child);
        assertThat(ids(List.of(List.of("id", "parent_of", child)))).containsExactlyInAnyOrder(parent, child);
        assertThat(ids(List.of(List.of("name", "ilike", tag), List.of("child_ids", "any", List.of(List.of("type", "=", "delivery"))))))
                .containsExactly(parent);
        assertThat(ids(List.of(List.of("name", "ilike", tag), List.of("child_ids", "not any", List.of(List.of("type", "=", "delivery"))))))
                .containsExactlyInAnyOrder(child, loner);
        assertThat(ids(List.of(List.of("name", "ilike", tag), List.of("ref", "=?", false)))).as("=? with no value is no condition")
                .containsExactlyInAnyOrder(parent, child, loner);
    }

    @Test
    void archivedRecordsAreFoundOnlyWhenTheContextSaysSo() {
        String name = "Archived " + UUID.randomUUID();
        long partner = odoo.create("res.partner", Map.of("name", name));
        odoo.write("res.partner", List.of(partner), Map.of("active", false));
        List<?> domain = List.of(List.of("name", "=", name));
        assertThat(odoo.execute("res.partner", "search", List.of(domain), Map.of())).isEqualTo(List.of());
        assertThat(((List<?>) odoo.execute("res.partner", "search", List.of(domain), Map.of("context", Map.of("active_test", false))))
                .stream().map(id -> ((Number) id).longValue()).toList()).containsExactly(partner);
    }

    @Test
    void readsGiveBareIdsWithLoadNoneAndZeroForEmptyNumbers() {
        long partner = odoo.id("res.partner", List.of(List.of("ref", "=", "DEMO")));
        List<?> raw = (List<?>) odoo.execute("res.partner", "read", List.of(List.of(partner), List.of("country_id")),
                java.util.Collections.singletonMap("load", null));
        assertThat(((Map<?, ?>) raw.get(0)).get("country_id")).isInstanceOf(Number.class);
        Map<String, Object> product = odoo.searchRead("product.product", List.of(List.of("default_code", "=", "SKU-1001")),
                List.of("standard_price")).get(0);
        assertThat(product.get("standard_price")).isEqualTo(0.0);
    }

    @Test
    void aPartnersCountryIsAMany2oneAndItsCodeFollowsIt() {
        long us = odoo.id("res.country", List.of(List.of("code", "=", "US")));
        long illinois = odoo.id("res.country.state", List.of(List.of("country_id", "=", us), List.of("code", "=", "IL")));
        long placed = odoo.create("res.partner", Map.of("name", "Placed Co", "country_id", us, "state_id", illinois));
        long coded = odoo.create("res.partner", Map.of("name", "Coded Co", "country_code", "US"));
        Map<String, Object> read = odoo.searchRead("res.partner", List.of(List.of("id", "in", List.of(placed, coded))),
                List.of("country_id", "state_id", "country_code")).stream()
                .filter(record -> ((Number) record.get("id")).longValue() == placed).findFirst().orElseThrow();
        assertThat(read.get("country_code")).isEqualTo("US");
        assertThat(((List<?>) read.get("state_id")).get(0)).isEqualTo((int) illinois);
        assertThat(odoo.searchRead("res.partner", List.of(List.of("id", "=", coded)), List.of("country_id")).get(0).get("country_id"))
                .as("country_code is related to country_id: written alone it changes nothing").isEqualTo(false);
    }

    @Test
    void aSaleOrderShipsToTheCustomersDeliveryAddressUnlessToldOtherwise() {
        long customer = odoo.create("res.partner", Map.of("name", "Two Docks Co", "is_company", true));
        long dock = odoo.create("res.partner", Map.of("name", "North Dock", "parent_id", customer, "type", "delivery"));
        long order = odoo.create("sale.order", Map.of("partner_id", customer));
        Map<String, Object> read = odoo.searchRead("sale.order", List.of(List.of("id", "=", order)),
                List.of("partner_shipping_id", "partner_invoice_id")).get(0);
        assertThat(((List<?>) read.get("partner_shipping_id")).get(0)).isEqualTo((int) dock);
        assertThat(((List<?>) read.get("partner_invoice_id")).get(0)).isEqualTo((int) customer);
    }

    @Test
    void nameSearchReadGroupAndTheUsersContext() {
        assertThat((List<?>) odoo.execute("res.partner", "name_search", List.of(), Map.of("name", "DEMO RETAIL", "limit", 5)))
                .anySatisfy(pair -> assertThat(((List<?>) pair).get(1)).isEqualTo("DEMO RETAIL"));
        odoo.create("sale.order", Map.of("partner_id", odoo.id("res.partner", List.of(List.of("ref", "=", "DEMO")))));
        List<?> groups = (List<?>) odoo.execute("sale.order", "read_group", List.of(List.of(), List.of("amount_total:sum"), List.of("state")),
                Map.of("lazy", false));
        assertThat(groups).isNotEmpty().allSatisfy(group -> assertThat(((Map<?, ?>) group).keySet().stream().map(String::valueOf).toList())
                .contains("state", "__count", "amount_total", "__domain"));
        assertThat(((Map<?, ?>) odoo.execute("res.users", "context_get", List.of(), Map.of())).keySet().stream().map(String::valueOf).toList())
                .contains("lang", "tz", "uid");
    }

    @Test
    void createTakesItsValuesPositionally() {
        assertThatThrownBy(() -> odoo.execute("res.partner", "create", List.of(), Map.of("vals_list", List.of(Map.of("name", "x")))))
                .hasMessageContaining("index out of range");
    }

    @Test
    void anInventoryCountSetsTheQuantityOnHand() {
        String sku = "COUNT-" + UUID.randomUUID().toString().substring(0, 8);
        odoo.storableProduct("Counted", sku, 1.0);
        odoo.stock(sku, new BigDecimal("5"));
        odoo.stock(sku, new BigDecimal("8"));
        assertThat(odoo.searchRead("product.product", List.of(List.of("default_code", "=", sku)), List.of("qty_available")).get(0))
                .containsEntry("qty_available", 8.0);
    }

    @Test
    void aValidatedDeliveryHasItsDetailedOperations() {
        String sku = "MOVED-" + UUID.randomUUID().toString().substring(0, 8);
        long product = odoo.storableProduct("Moved", sku, 1.0);
        odoo.stock(sku, new BigDecimal("10"));
        String po = "LINES-" + UUID.randomUUID();
        long customer = odoo.id("res.partner", List.of(List.of("ref", "=", "DEMO")));
        long order = odoo.create("sale.order", Map.of("partner_id", customer, "client_order_ref", po,
                "order_line", List.of(List.of(0, 0, Map.of("product_id", product, "product_uom_qty", 3.0)))));
        odoo.execute("sale.order", "action_confirm", List.of(List.of(order)), Map.of());
        String picking = odoo.ship(po, "1ZLINES").get(0);
        assertThat(odoo.searchRead("stock.move.line", List.of(List.of("picking_id.name", "=", picking)), List.of("product_id", "quantity", "state")))
                .singleElement().satisfies(line -> assertThat(line).containsEntry("quantity", 3.0).containsEntry("state", "done"));
    }

    @Test
    void theWireAnswersWhatOdooAnswers() throws Exception {
        HttpResponse<String> nullBody = post("/jsonrpc", "application/json", "null");
        assertThat(nullBody.statusCode()).isEqualTo(400);
        assertThat(nullBody.body()).isEqualTo("Invalid JSON-RPC data");

        String version = post("/xmlrpc/2/db", "text/xml", "<?xml version=\"1.0\"?><methodCall><methodName>server_version</methodName>"
                + "<params></params></methodCall>").body();
        assertThat(version).contains("<string>" + odoo.major() + ".0");
        assertThat(post("/xmlrpc/2/db", "text/xml", "<?xml version=\"1.0\"?><methodCall><methodName>list</methodName>"
                + "<params></params></methodCall>").body()).contains("<name>faultCode</name>").contains("Access Denied");

        Map<?, ?> callKw = new com.fasterxml.jackson.databind.ObjectMapper().readValue(post("/web/dataset/call_kw", "application/json",
                "{\"jsonrpc\":\"2.0\",\"method\":\"call\",\"params\":{\"model\":\"res.partner\",\"method\":\"search\","
                        + "\"args\":[[]],\"kwargs\":{}}}").body(), Map.class);
        Map<?, ?> error = (Map<?, ?>) callKw.get("error");
        assertThat(error.get("code")).as("no web session, no call_kw").isEqualTo(100);
        assertThat(((Map<?, ?>) error.get("data")).get("name")).isEqualTo("odoo.http.SessionExpiredException");
    }

    private static HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(odoo.url().resolve(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> names(List<?> domain) {
        return odoo.searchRead("res.partner", domain, List.of("name")).stream().map(record -> (String) record.get("name")).toList();
    }

    private static List<Long> ids(List<?> domain) {
        return odoo.searchRead("res.partner", domain, List.of("id")).stream().map(record -> ((Number) record.get("id")).longValue()).toList();
    }
}
