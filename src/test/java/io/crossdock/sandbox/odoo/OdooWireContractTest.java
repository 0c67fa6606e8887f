package io.crossdock.sandbox.odoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The emulator against the envelopes in ../shared/odoo-protocol.md, version by version: if one of
 * these fails, the emulator no longer behaves like Odoo on the wire and every connector test built
 * on it proves less.
 */
class OdooWireContractTest {

    private static final Map<Integer, OdooEmulator> ODOO = new java.util.HashMap<>();

    @BeforeAll
    static void start() {
        for (int version = 16; version <= 19; version++) {
            ODOO.put(version, OdooEmulator.start(OdooEmulator.Settings.of(version)));
        }
    }

    @AfterAll
    static void stop() {
        ODOO.values().forEach(OdooEmulator::close);
    }

    private static WireClient wire(int version) {
        return new WireClient(ODOO.get(version));
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 17, 18, 19})
    @SuppressWarnings("unchecked")
    void versionAndAuthenticateOverJsonRpc(int version) {
        WireClient wire = wire(version);
        Map<String, Object> answer = wire.jsonRpc("common", "version");
        assertThat(answer).containsEntry("jsonrpc", "2.0").containsEntry("id", 7);
        @SuppressWarnings("unchecked")
        Map<String, Object> info = (Map<String, Object>) answer.get("result");
        assertThat(info).containsEntry("server_serie", version + ".0").containsEntry("protocol_version", 1);
        assertThat((List<Object>) info.get("server_version_info")).startsWith(version, 0, 0, "final");

        OdooEmulator.Settings s = ODOO.get(version).settings();
        assertThat(wire.jsonRpc("common", "authenticate", s.database(), s.login(), s.apiKey(), Map.of()))
                .containsEntry("result", 2);
        // Bad credentials are not an error: authenticate answers false.
        assertThat(wire.jsonRpc("common", "authenticate", s.database(), s.login(), "wrong", Map.of()))
                .containsEntry("result", false).doesNotContainKey("error");
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 17, 18, 19})
    void readsFollowOdoosConventions(int version) {
        WireClient wire = wire(version);
        Object company = wire.result("res.partner", "create", List.of(Map.of("name", "Contract Co " + version, "is_company", true)), Map.of());
        assertThat(company).isInstanceOf(Integer.class);
        @SuppressWarnings("unchecked")
        List<Object> people = (List<Object>) wire.result("res.partner", "create", List.of(List.of(
                Map.of("name", "Ann", "parent_id", company), Map.of("name", "Bob", "parent_id", company))), Map.of());
        assertThat(people).hasSize(2);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> read = (List<Map<String, Object>>) wire.result("res.partner", "read",
                List.of(List.of(people.get(0)), List.of("name", "parent_id", "email", "child_ids")), Map.of());
        assertThat(read.get(0)).containsEntry("parent_id", List.of(company, "Contract Co " + version))
                .containsEntry("email", false).containsEntry("child_ids", List.of());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> parent = (List<Map<String, Object>>) wire.result("res.partner", "read",
                List.of(List.of(company), List.of("child_ids", "write_date")), Map.of());
        assertThat(parent.get(0).get("child_ids")).isEqualTo(people);
        assertThat((String) parent.get(0).get("write_date")).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 17, 18, 19})
    void domainsPagingAndOrder(int version) {
        WireClient wire = wire(version);
        for (String code : List.of("D-3", "D-1", "D-2", "E-1")) {
            wire.result("product.product", "create", List.of(Map.of("name", "Domain " + code, "default_code", code,
                    "list_price", code.startsWith("D") ? 5.0 : 50.0)), Map.of());
        }
        Object domain = List.of("&", List.of("default_code", "=like", "D-%"), "!", List.of("default_code", "=", "D-2"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> found = (List<Map<String, Object>>) wire.result("product.product", "search_read",
                List.of(domain), Map.of("fields", List.of("default_code"), "order", "default_code desc"));
        assertThat(found).extracting(r -> r.get("default_code")).containsExactly("D-3", "D-1");

        Object either = List.of("|", List.of("default_code", "=", "E-1"), List.of("list_price", "<", 6));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> page = (List<Map<String, Object>>) wire.result("product.product", "search_read",
                List.of(either, List.of("default_code"), 1, 2, "default_code asc"), Map.of());
        assertThat(page).extracting(r -> r.get("default_code")).containsExactly("D-2", "D-3");
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 17, 18, 19})
    void errorsComeInOdoosJsonRpcEnvelope(int version) {
        WireClient wire = wire(version);
        Map<String, Object> missing = wire.executeKw(ODOO.get(version).settings().apiKey(), "sale.order", "create",
                List.of(Map.of("client_order_ref", "no customer")), Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> error = (Map<String, Object>) missing.get("error");
        assertThat(missing).containsEntry("id", 7).doesNotContainKey("result");
        assertThat(error).containsEntry("code", version >= 19 ? 0 : 200).containsEntry("message", "Odoo Server Error");
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) error.get("data");
        assertThat(data).containsKeys("name", "message", "arguments", "context", "debug")
                .containsEntry("name", "odoo.exceptions.ValidationError");
        assertThat((String) data.get("message")).contains("partner_id");

        assertThat(errorName(wire.executeKw("wrong-key", "res.partner", "search", List.of(List.of()), Map.of())))
                .isEqualTo("odoo.exceptions.AccessDenied");
        assertThat(errorName(wire.executeKw(ODOO.get(version).settings().apiKey(), "res.partner", "_compute_display_name",
                List.of(List.of(1)), Map.of()))).isEqualTo("odoo.exceptions.AccessError");
        assertThat(errorName(wire.executeKw(ODOO.get(version).settings().apiKey(), "no.such.model", "search",
                List.of(List.of()), Map.of()))).isEqualTo("odoo.exceptions.UserError");

        WireClient.Reply notJson = wire.post("/jsonrpc", "application/json", "{not json");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.contentType()).startsWith("text/html");
        WireClient.Reply nullBody = wire.post("/jsonrpc", "application/json", "null");
        assertThat(nullBody.status()).isEqualTo(400);
        assertThat(nullBody.body()).isEqualTo("Invalid JSON-RPC data");
        assertThat(errorName(wire.executeKw(ODOO.get(version).settings().apiKey(), "res.partner", "create", List.of(),
                Map.of("vals_list", List.of(Map.of("name", "Keyword Co")))))).as("create takes its values positionally")
                .isEqualTo("builtins.IndexError");
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 17, 18, 19})
    void concurrencyFailuresReachTheClientByName(int version) {
        OdooEmulator odoo = ODOO.get(version);
        odoo.faults().serializationFailures(1);
        try {
            assertThat(errorName(wire(version).executeKw(odoo.settings().apiKey(), "res.partner", "create",
                    List.of(Map.of("name", "Racy")), Map.of()))).isEqualTo("psycopg2.errors.SerializationFailure");
        } finally {
            odoo.faults().reset();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 17, 18, 19})
    void xmlRpcFaultCodes(int version) throws Exception {
        WireClient wire = wire(version);
        OdooEmulator.Settings s = ODOO.get(version).settings();
        assertThat(wire.xmlRpc("common", "authenticate", List.of(s.database(), s.login(), s.apiKey(), Map.of()))).isEqualTo(2);
        Object ids = wire.xmlRpc("object", "execute_kw", List.of(s.database(), 2, s.apiKey(), "res.partner", "search",
                List.of(List.of(List.of("id", "=", 1)))));
        assertThat(ids).isEqualTo(List.of(1));

        assertThatThrownBy(() -> wire.xmlRpc("object", "execute_kw", List.of(s.database(), 2, s.apiKey(), "sale.order",
                "action_confirm", List.of(List.of(999_999)))))
                .isInstanceOfSatisfying(XmlRpcCodec.XmlRpcFault.class, fault -> assertThat(fault.faultCode()).isEqualTo(2));
        assertThatThrownBy(() -> wire.xmlRpc("object", "execute_kw", List.of(s.database(), 2, "bad", "res.partner", "search",
                List.of(List.of()))))
                .isInstanceOfSatisfying(XmlRpcCodec.XmlRpcFault.class, fault -> assertThat(fault.faultCode()).isEqualTo(3));
        assertThatThrownBy(() -> wire.xmlRpc("object", "execute_kw", List.of(s.database(), 2, s.apiKey(), "res.partner",
                "_read", List.of(List.of(1)))))
                .isInstanceOfSatisfying(XmlRpcCodec.XmlRpcFault.class, fault -> assertThat(fault.faultCode()).isEqualTo(4));
        // None cannot be marshalled over XML-RPC: a method returning nothing becomes a fault.
        Object quant = wire.xmlRpc("object", "execute_kw", List.of(s.database(), 2, s.apiKey(), "stock.quant", "create",
                List.of(Map.of("product_id", productId(wire), "location_id", 1, "inventory_quantity", 3.0))));
        assertThatThrownBy(() -> wire.xmlRpc("object", "execute_kw", List.of(s.database(), 2, s.apiKey(), "stock.quant",
                "action_apply_inventory", List.of(List.of(quant)))))
                .isInstanceOfSatisfying(XmlRpcCodec.XmlRpcFault.class, fault -> {
                    assertThat(fault.faultCode()).isEqualTo(1);
                    assertThat(fault.faultString()).contains("cannot marshal None");
                });
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 17, 18})
    void json2ExistsOnlyFrom19(int version) {
        assertThat(wire(version).json2("res.partner", "search", Map.of("domain", List.of())).status()).isEqualTo(404);
        assertThat(wire(version).get("/web/version").status()).isEqualTo(404);
    }

    @org.junit.jupiter.api.Test
    void json2StatusCodesAndBareValues() {
        WireClient wire = wire(19);
        assertThat(wire.get("/web/version").json()).containsEntry("version", "19.0")
                .containsEntry("version_info", List.of(19, 0, 0, "final", 0, ""));

        WireClient.Reply created = wire.json2("res.partner", "create", Map.of("vals_list", List.of(Map.of("name", "J2"))));
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.value()).isInstanceOf(List.class);
        Object id = ((List<?>) created.value()).get(0);
        assertThat(wire.json2("res.partner", "read", Map.of("ids", List.of(id), "fields", List.of("name"))).value())
                .isEqualTo(List.of(Map.of("id", id, "name", "J2")));

        WireClient.Reply noKey = wire.post("/json/2/res.partner/search", "application/json", "{}");
        assertThat(noKey.status()).isEqualTo(401);
        assertThat(noKey.response().headers().firstValue("WWW-Authenticate")).hasValue("bearer");
        WireClient.Reply lowerCaseScheme = wire.post("/json/2/res.partner/search_count", "application/json", "{\"domain\": []}",
                "Authorization", "bearer " + ODOO.get(19).settings().apiKey());
        assertThat(lowerCaseScheme.status()).isEqualTo(200);

        String key = ODOO.get(19).settings().apiKey();
        assertThat(wire.post("/json/2/res.partner/search", "text/plain", "{}", "Authorization", "Bearer " + key).status()).isEqualTo(415);
        assertThat(wire.post("/json/2/res.partner/search", "application/json", "{oops", "Authorization", "Bearer " + key).status()).isEqualTo(400);
        assertThat(wire.json2("no.such.model", "search", Map.of()).status()).isEqualTo(404);
        assertThat(wire.json2("res.partner", "no_such_method", Map.of()).status()).isEqualTo(404);
        assertThat(wire.json2("res.partner", "_read", Map.of("ids", List.of(1))).status()).isEqualTo(403);

        WireClient.Reply invalid = wire.json2("sale.order", "create", Map.of("vals_list", List.of(Map.of("note", "no partner"))));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json()).containsKeys("name", "message", "arguments", "context", "debug")
                .containsEntry("name", "odoo.exceptions.ValidationError");
        assertThat(wire.json2("res.partner", "read", Map.of("ids", List.of(9_999_999))).status()).isEqualTo(404);
        assertThat(wire.json2("res.partner", "search", Map.of("bogus", 1)).status()).isEqualTo(422);
        assertThat(wire.json2("res.partner", "search", Map.of()).status()).as("search's domain has no default").isEqualTo(422);
        assertThat(wire.json2("res.partner", "create", Map.of("ids", List.of(1), "vals_list", List.of(Map.of("name", "y")))).status())
                .as("create is a model method: it takes no ids").isEqualTo(422);
        WireClient.Reply noDatabase = wire.post("/json/2/res.partner/search", "application/json", "{\"domain\": []}",
                "Authorization", "Bearer " + key, "X-Odoo-Database", "no_such_db");
        assertThat(noDatabase.status()).isEqualTo(404);
        assertThat(noDatabase.contentType()).startsWith("text/html");

        ODOO.get(19).faults().serializationFailures(1);
        assertThat(wire.json2("res.partner", "create", Map.of("vals_list", List.of(Map.of("name", "x")))).status()).isEqualTo(409);
        ODOO.get(19).faults().keysExpired(true);
        try {
            assertThat(wire.json2("res.partner", "search", Map.of()).status()).isEqualTo(401);
        } finally {
            ODOO.get(19).faults().reset();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 17, 18, 19})
    void fieldNamesAndStatesFollowTheVersion(int version) {
        WireClient wire = wire(version);
        @SuppressWarnings("unchecked")
        Map<String, Object> lineFields = (Map<String, Object>) wire.result("sale.order.line", "fields_get", List.of(),
                Map.of("attributes", List.of("type", "relation")));
        assertThat(lineFields).containsKey(version >= 19 ? "product_uom_id" : "product_uom")
                .containsKey(version >= 19 ? "tax_ids" : "tax_id")
                .doesNotContainKey(version >= 19 ? "product_uom" : "product_uom_id");
        @SuppressWarnings("unchecked")
        Map<String, Object> moveFields = (Map<String, Object>) wire.result("stock.move", "fields_get", List.of(), Map.of());
        assertThat(moveFields).containsKey(version >= 17 ? "quantity" : "quantity_done");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> orderFields = (Map<String, Map<String, Object>>) wire.result("sale.order",
                "fields_get", List.of(), Map.of());
        assertThat(orderFields.containsKey("locked")).isEqualTo(version >= 17);
        assertThat(orderFields.get("state").get("selection").toString().contains("done")).isEqualTo(version < 17);
        @SuppressWarnings("unchecked")
        Map<String, Object> paymentFields = (Map<String, Object>) wire.result("account.payment", "fields_get", List.of(), Map.of());
        assertThat(paymentFields).containsKey(version >= 18 ? "memo" : "ref");
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 17, 18, 19})
    void everyModelAnswersSearchReadInItsDefaultOrder(int version) {
        WireClient wire = wire(version);
        for (String model : OdooModels.forVersion(version).keySet()) {
            assertThat(wire.executeKw(ODOO.get(version).settings().apiKey(), model, "search_read", List.of(List.of()),
                    Map.of("limit", 5))).as(model).containsKey("result");
        }
    }

    private static Object productId(WireClient wire) {
        return wire.result("product.product", "create", List.of(Map.of("name", "Quant product")), Map.of());
    }

    @SuppressWarnings("unchecked")
    private static String errorName(Map<String, Object> envelope) {
        assertThat(envelope).containsKey("error");
        return (String) ((Map<String, Object>) ((Map<String, Object>) envelope.get("error")).get("data")).get("name");
    }
}
