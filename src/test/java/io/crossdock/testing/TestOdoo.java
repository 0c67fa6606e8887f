package io.crossdock.testing;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Odoo the tests run against, emulated or real, as a person or another Odoo client would use
 * it: JSON-RPC {@code execute_kw} over HTTP, nothing emulator-specific. What a clerk does by hand
 * (validate a delivery through its wizards, invoice and post) is done here the same way on both,
 * so a test that passes on the emulator and fails on the real server shows where they disagree.
 */
public final class TestOdoo {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI url;
    private final String database;
    private final String login;
    private final String apiKey;
    private final boolean real;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong ids = new AtomicLong();
    private volatile Long uid;
    private volatile Integer major;

    public TestOdoo(URI url, String database, String login, String apiKey, boolean real) {
        this.url = url;
        this.database = database;
        this.login = login;
        this.apiKey = apiKey;
        this.real = real;
    }

    /**
     * The real Odoo that bin/real-odoo-test names in {@code CROSSDOCK_REAL_ODOO_URL}, {@code _DATABASE},
     * {@code _LOGIN} and {@code _API_KEY}; empty when the tests run against the emulator.
     */
    public static java.util.Optional<TestOdoo> fromEnvironment() {
        String url = System.getenv("CROSSDOCK_REAL_ODOO_URL");
        if (url == null || url.isBlank()) {
            return java.util.Optional.empty();
        }
        String key = System.getenv("CROSSDOCK_REAL_ODOO_API_KEY");
        if (key == null || key.isBlank()) {
            throw new IllegalStateException("CROSSDOCK_REAL_ODOO_API_KEY is not set: run the real-Odoo suite with bin/real-odoo-test");
        }
        return java.util.Optional.of(new TestOdoo(URI.create(url), System.getenv().getOrDefault("CROSSDOCK_REAL_ODOO_DATABASE", "crossdock_real"),
                System.getenv().getOrDefault("CROSSDOCK_REAL_ODOO_LOGIN", "crossdock"), key, true));
    }

    public String database() {
        return database;
    }

    public String login() {
        return login;
    }

    public String apiKey() {
        return apiKey;
    }

    /** True for a real Odoo server (bin/real-odoo-test), false for the emulator. */
    public boolean real() {
        return real;
    }

    public URI url() {
        return url;
    }

    /** {@code common.version}: the server's version, with {@code server_version_info}. */
    public Object version() {
        return rpc("common", "version", List.of());
    }

    /** The server's major version (17, 18, ...), asked once. */
    public int major() {
        Integer known = major;
        if (known == null) {
            known = ((Number) ((List<?>) ((Map<?, ?>) version()).get("server_version_info")).get(0)).intValue();
            major = known;
        }
        return known;
    }

    /** A storable product (stock is kept) with this internal reference, as the server's version spells it. */
    public long storableProduct(String name, String sku, double price) {
        Map<String, Object> vals = new LinkedHashMap<>(Map.of("name", name, "default_code", sku, "list_price", price));
        if (major() >= 18) {
            vals.putAll(Map.of("type", "consu", "is_storable", true));
        } else {
            vals.putAll(Map.of("type", "product", "detailed_type", "product"));
        }
        return create("product.product", vals);
    }

    public Object execute(String model, String method, List<?> args, Map<String, ?> kwargs) {
        return rpc("object", "execute_kw", List.of(database, uid(), apiKey, model, method, args, kwargs));
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> searchRead(String model, List<?> domain, List<String> fields) {
        return (List<Map<String, Object>>) execute(model, "search_read", List.of(domain), Map.of("fields", fields));
    }

    public long create(String model, Map<String, ?> vals) {
        return ((Number) ((List<?>) execute(model, "create", List.of(List.of(vals)), Map.of())).get(0)).longValue();
    }

    public void write(String model, List<Long> ids, Map<String, ?> vals) {
        execute(model, "write", List.of(ids, vals), Map.of());
    }

    public long id(String model, List<?> domain) {
        List<Map<String, Object>> found = searchRead(model, domain, List.of("id"));
        if (found.isEmpty()) {
            throw new AssertionError("No " + model + " matches " + domain + " in Odoo at " + url);
        }
        return ((Number) found.get(0).get("id")).longValue();
    }

    public long saleOrder(String po) {
        return id("sale.order", List.of(List.of("client_order_ref", "=", po)));
    }

    /**
     * What a warehouse clerk does to ship a customer's order: on each open delivery, set the carrier
     * (UPS Ground) and the tracking number, validate it, and answer "Create Backorder" when Odoo asks.
     */
    @SuppressWarnings("unchecked")
    public List<String> ship(String po, String trackingRef) {
        List<Map<String, Object>> pickings = searchRead("stock.picking", List.of(List.of("sale_id", "=", saleOrder(po)),
                List.of("state", "not in", List.of("done", "cancel"))), List.of("name"));
        if (pickings.isEmpty()) {
            throw new AssertionError("Sale order for " + po + " has no delivery left to ship");
        }
        List<Long> pickingIds = pickings.stream().map(p -> ((Number) p.get("id")).longValue()).toList();
        long carrier = id("delivery.carrier", List.of(List.of("name", "=", "UPS Ground")));
        write("stock.picking", pickingIds, Map.of("carrier_id", carrier, "carrier_tracking_ref", trackingRef));
        Object answer = execute("stock.picking", "button_validate", List.of(pickingIds), Map.of());
        if (answer instanceof Map<?, ?> action && "stock.backorder.confirmation".equals(action.get("res_model"))) {
            Map<String, Object> context = new LinkedHashMap<>((Map<String, Object>) action.get("context"));
            Object wizard = execute("stock.backorder.confirmation", "create", List.of(List.of(Map.of("pick_ids",
                    List.of(List.of(6, 0, pickingIds))))), Map.of("context", context));
            execute("stock.backorder.confirmation", "process", List.of(List.of(((Number) ((List<?>) wizard).get(0)).longValue())),
                    Map.of("context", context));
        } else if (answer instanceof Map<?, ?> other) {
            throw new AssertionError("Validating " + pickings + " asked for " + other.get("res_model") + ", which this test does not answer");
        }
        return pickings.stream().map(p -> (String) p.get("name")).toList();
    }

    /** Invoices what was delivered of the order (the "Create Invoice" wizard) and posts the invoice. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> invoice(String po) {
        long order = saleOrder(po);
        Map<String, Object> context = Map.of("active_model", "sale.order", "active_ids", List.of(order), "active_id", order);
        Object wizard = ((List<?>) execute("sale.advance.payment.inv", "create", List.of(List.of(Map.of("advance_payment_method", "delivered"))),
                Map.of("context", context))).get(0);
        Map<String, Object> action = (Map<String, Object>) execute("sale.advance.payment.inv", "create_invoices",
                List.of(List.of(wizard)), Map.of("context", context));
        long invoice = ((Number) action.get("res_id")).longValue();
        execute("account.move", "action_post", List.of(List.of(invoice)), Map.of());
        return searchRead("account.move", List.of(List.of("id", "=", invoice)),
                List.of("name", "amount_untaxed", "amount_tax", "amount_total")).get(0);
    }

    /** Sets a product's on-hand quantity in WH/Stock, as an inventory adjustment does. */
    public void stock(String sku, BigDecimal quantity) {
        long product = id("product.product", List.of(List.of("default_code", "=", sku)));
        long location = id("stock.location", List.of(List.of("usage", "=", "internal"), List.of("complete_name", "=", "WH/Stock")));
        Object quant = ((List<?>) execute("stock.quant", "create", List.of(List.of(Map.of("product_id", product, "location_id", location,
                "inventory_quantity", quantity))), Map.of("context", Map.of("inventory_mode", true)))).get(0);
        execute("stock.quant", "action_apply_inventory", List.of(List.of(quant)), Map.of());
    }

    private long uid() {
        Long known = uid;
        if (known == null) {
            Object answer = rpc("common", "authenticate", List.of(database, login, apiKey, Map.of()));
            if (!(answer instanceof Number number)) {
                throw new AssertionError("Odoo at " + url + " refused " + login + " on " + database);
            }
            known = number.longValue();
            uid = known;
        }
        return known;
    }

    private Object rpc(String service, String method, List<?> args) {
        try {
            String body = JSON.writeValueAsString(Map.of("jsonrpc", "2.0", "method", "call", "id", ids.incrementAndGet(),
                    "params", Map.of("service", service, "method", method, "args", args)));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url.resolve("/jsonrpc")).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Map<?, ?> envelope = JSON.readValue(response.body(), Map.class);
            if (envelope.get("error") instanceof Map<?, ?> error) {
                Object data = error.get("data");
                throw new AssertionError("Odoo refused " + method + " " + args.subList(Math.min(3, args.size()), Math.min(5, args.size()))
                        + ": " + (data instanceof Map<?, ?> details ? details.get("message") : error.get("message")));
            }
            return envelope.get("result");
        } catch (IOException e) {
            throw new AssertionError("Odoo at " + url + " did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
