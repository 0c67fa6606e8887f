package io.crossdock.sandbox.odoo;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

/**
 * The emulator's own switches over HTTP, for people driving the sandbox by hand:
 * {@code POST /emulator/faults} ({@code latencyMs}, {@code serializationFailures},
 * {@code serverErrors}, {@code droppedWebhooks}, {@code keysExpired}, {@code denyWrites} (a model), or {@code {"reset":true}}),
 * {@code POST /emulator/webhooks} ({@code model}, {@code trigger}, {@code url}, {@code fields}),
 * {@code POST /emulator/ship} ({@code po}, {@code trackingRef}: what a warehouse clerk does in Odoo
 * to ship a customer's order: set the carrier and tracking number, validate the delivery),
 * {@code POST /emulator/invoice} ({@code po}: invoice what was delivered and post it, as an
 * accountant would) and {@code GET /emulator/stats}.
 */
final class OdooEmulatorControl {

    private OdooEmulatorControl() {
    }

    /** Invoices what was delivered of the sale order with this customer reference, and posts the invoice. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> invoice(OdooEmulator odoo, String po) {
        List<Map<String, Object>> orders = odoo.searchRead("sale.order", List.of(List.of("client_order_ref", "=", po)), List.of("name"));
        if (orders.isEmpty()) {
            throw new IllegalArgumentException("No sale order has the customer reference " + po);
        }
        Object order = orders.get(0).get("id");
        long wizard = ((List<Long>) odoo.execute("sale.advance.payment.inv", "create", List.of(),
                Map.of("vals_list", List.of(Map.of("advance_payment_method", "delivered"))),
                Map.of("active_model", "sale.order", "active_ids", List.of(order)))).get(0);
        Map<String, Object> action = (Map<String, Object>) odoo.execute("sale.advance.payment.inv", "create_invoices", List.of(wizard),
                Map.of(), Map.of());
        long invoice = ((Number) action.get("res_id")).longValue();
        odoo.execute("account.move", "action_post", List.of(invoice), Map.of(), Map.of());
        Map<String, Object> posted = odoo.searchRead("account.move", List.of(List.of("id", "=", invoice)),
                List.of("name", "amount_total")).get(0);
        return Map.of("order", orders.get(0).get("name"), "invoice", posted.get("name"), "total", posted.get("amount_total"));
    }

    /** Ships every open delivery of the sale order with this customer reference, with the first carrier. */
    static Map<String, Object> ship(OdooEmulator odoo, String po, String trackingRef) {
        List<Map<String, Object>> orders = odoo.searchRead("sale.order", List.of(List.of("client_order_ref", "=", po)), List.of("name"));
        if (orders.isEmpty()) {
            throw new IllegalArgumentException("No sale order has the customer reference " + po);
        }
        List<Map<String, Object>> pickings = odoo.searchRead("stock.picking", List.of(List.of("sale_id", "=", orders.get(0).get("id")),
                List.of("state", "not in", List.of("done", "cancel"))), List.of("name"));
        if (pickings.isEmpty()) {
            throw new IllegalArgumentException("Sale order " + orders.get(0).get("name") + " has no delivery left to ship");
        }
        List<Long> ids = pickings.stream().map(p -> ((Number) p.get("id")).longValue()).toList();
        Map<String, Object> carrier = new java.util.LinkedHashMap<>();
        carrier.put("carrier_id", 1L);
        carrier.put("carrier_tracking_ref", trackingRef != null ? trackingRef : "1Z" + System.currentTimeMillis());
        odoo.execute("stock.picking", "write", ids, Map.of("vals", carrier), Map.of());
        // "Create Backorder": what is not in stock stays to ship later.
        odoo.execute("stock.picking", "button_validate", ids, Map.of(), Map.of("skip_backorder", true));
        return Map.of("order", orders.get(0).get("name"), "shipped", pickings.stream().map(p -> p.get("name")).toList(),
                "tracking", carrier.get("carrier_tracking_ref"));
    }

    static void handle(OdooEmulator emulator, HttpExchange exchange, ObjectMapper json) throws IOException {
        String path = exchange.getRequestURI().getPath();
        try {
            switch (exchange.getRequestMethod() + " " + path) {
                case "POST /emulator/faults" -> {
                    Map<?, ?> body = json.readValue(exchange.getRequestBody(), Map.class);
                    OdooFaults faults = emulator.faults();
                    if (Boolean.TRUE.equals(body.get("reset"))) {
                        faults.reset();
                    }
                    if (body.get("latencyMs") instanceof Number ms) {
                        faults.latency(Duration.ofMillis(ms.longValue()));
                    }
                    if (body.get("serializationFailures") instanceof Number count) {
                        faults.serializationFailures(count.intValue());
                    }
                    if (body.get("serverErrors") instanceof Number count) {
                        faults.serverErrors(count.intValue());
                    }
                    if (body.get("droppedWebhooks") instanceof Number count) {
                        faults.dropWebhooks(count.intValue());
                    }
                    if (body.get("denyWrites") instanceof String model) {
                        faults.denyWrites(model);
                    }
                    if (body.get("keysExpired") instanceof Boolean expired) {
                        faults.keysExpired(expired);
                    }
                    emulator.sendJson(exchange, 200, Map.of("status", "ok"));
                }
                case "POST /emulator/webhooks" -> {
                    Map<?, ?> body = json.readValue(exchange.getRequestBody(), Map.class);
                    List<String> fields = body.get("fields") instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
                    int action = emulator.addWebhook(String.valueOf(body.get("model")),
                            body.get("trigger") == null ? "on_create_or_write" : String.valueOf(body.get("trigger")), String.valueOf(body.get("url")), fields);
                    emulator.sendJson(exchange, 200, Map.of("action_id", action));
                }
                case "POST /emulator/ship" -> {
                    Map<?, ?> body = json.readValue(exchange.getRequestBody(), Map.class);
                    emulator.sendJson(exchange, 200, ship(emulator, String.valueOf(body.get("po")),
                            body.get("trackingRef") == null ? null : String.valueOf(body.get("trackingRef"))));
                }
                case "POST /emulator/invoice" -> {
                    Map<?, ?> body = json.readValue(exchange.getRequestBody(), Map.class);
                    emulator.sendJson(exchange, 200, invoice(emulator, String.valueOf(body.get("po"))));
                }
                case "GET /emulator/stats" -> emulator.sendJson(exchange, 200, Map.of("version", emulator.version(),
                        "requests", emulator.requests(), "calls", emulator.calls(), "webhooks", emulator.webhookOutcomes()));
                default -> OdooEmulator.send(exchange, 404, "text/plain", "No emulator control at " + path);
            }
        } catch (IOException | RuntimeException e) {
            emulator.sendJson(exchange, 400, Map.of("error", String.valueOf(e.getMessage())));
        }
    }
}
