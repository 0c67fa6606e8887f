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
 * {@code POST /emulator/webhooks} ({@code model}, {@code trigger}, {@code url}, {@code fields})
 * and {@code GET /emulator/stats}.
 */
final class OdooEmulatorControl {

    private OdooEmulatorControl() {
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
                case "GET /emulator/stats" -> emulator.sendJson(exchange, 200, Map.of("version", emulator.version(),
                        "requests", emulator.requests(), "calls", emulator.calls(), "webhooks", emulator.webhookOutcomes()));
                default -> OdooEmulator.send(exchange, 404, "text/plain", "No emulator control at " + path);
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            emulator.sendJson(exchange, 400, Map.of("error", String.valueOf(e.getMessage())));
        }
    }
}
