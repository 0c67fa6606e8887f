package io.crossdock.odoo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The HTTP under both transports: JSON in and out, and network failures as {@link OdooTransportException}s. */
final class OdooHttp {

    record Reply(int status, String contentType, String body) {
        boolean isJson() {
            return contentType.toLowerCase(java.util.Locale.ROOT).contains("json");
        }
    }

    private final HttpClient http;
    private final ObjectMapper json;
    private final Duration timeout;

    OdooHttp(ObjectMapper json, Duration timeout) {
        this.json = json;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    Reply post(URI uri, Object body, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Content-Type", "application/json").header("User-Agent", "crossdock-odoo-connector")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            headers.forEach(request::header);
            return send(request.build());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A value cannot be written as JSON for Odoo: " + e.getOriginalMessage(), e);
        }
    }

    Reply get(URI uri) {
        return send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build());
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (HttpTimeoutException e) {
            throw new OdooTimeoutException("Odoo did not answer " + request.uri() + " within " + timeout, e);
        } catch (IOException e) {
            throw new OdooTransportException("Odoo could not be reached at " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OdooTransportException("Interrupted while calling Odoo at " + request.uri(), e);
        }
    }

    Object parse(Reply reply, URI uri) {
        try {
            return json.readValue(reply.body(), Object.class);
        } catch (JsonProcessingException e) {
            throw new OdooTransportException("The answer from " + uri + " (HTTP " + reply.status()
                    + ") is not Odoo's JSON: " + abbreviate(reply.body()), e);
        }
    }

    static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
