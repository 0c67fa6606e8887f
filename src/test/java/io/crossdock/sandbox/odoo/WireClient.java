package io.crossdock.sandbox.odoo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Raw HTTP against an Odoo (emulated) server: what goes over the wire, nothing interpreted. */
final class WireClient {

    record Reply(int status, String contentType, String body, HttpResponse<String> response) {
        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            try {
                return new ObjectMapper().readValue(body, Map.class);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        Object value() {
            try {
                return new ObjectMapper().readValue(body, Object.class);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final OdooEmulator odoo;

    WireClient(OdooEmulator odoo) {
        this.odoo = odoo;
    }

    Reply post(String path, String contentType, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(odoo.url() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(odoo.url() + path)).GET().build());
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body(), response);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A whole JSON-RPC envelope back: result or error. */
    Map<String, Object> jsonRpc(String service, String method, Object... args) {
        try {
            Map<String, Object> body = Map.of("jsonrpc", "2.0", "method", "call", "id", 7,
                    "params", Map.of("service", service, "method", method, "args", List.of(args)));
            Reply reply = post("/jsonrpc", "application/json", json.writeValueAsString(body));
            if (reply.status() != 200) {
                throw new AssertionError("JSON-RPC answered " + reply.status() + ": " + reply.body());
            }
            return reply.json();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    Map<String, Object> executeKw(String key, String model, String method, List<?> args, Map<String, ?> kwargs) {
        OdooEmulator.Settings s = odoo.settings();
        return jsonRpc("object", "execute_kw", s.database(), 2, key, model, method, args, kwargs);
    }

    Object result(String model, String method, List<?> args, Map<String, ?> kwargs) {
        Map<String, Object> envelope = executeKw(odoo.settings().apiKey(), model, method, args, kwargs);
        if (envelope.containsKey("error")) {
            throw new AssertionError("Odoo error: " + envelope.get("error"));
        }
        return envelope.get("result");
    }

    Reply json2(String model, String method, Map<String, ?> body) {
        try {
            return post("/json/2/" + model + "/" + method, "application/json", json.writeValueAsString(body),
                    "Authorization", "Bearer " + odoo.settings().apiKey());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    Object xmlRpc(String endpoint, String method, List<?> params) throws XmlRpcCodec.XmlRpcFault {
        Reply reply = post("/xmlrpc/2/" + endpoint, "text/xml", XmlRpcCodec.call(method, params));
        if (reply.status() != 200 || !reply.contentType().startsWith("text/xml")) {
            throw new AssertionError("XML-RPC answered " + reply.status() + " " + reply.contentType());
        }
        return XmlRpcCodec.parseResponse(new ByteArrayInputStream(reply.body().getBytes(StandardCharsets.UTF_8)));
    }
}
