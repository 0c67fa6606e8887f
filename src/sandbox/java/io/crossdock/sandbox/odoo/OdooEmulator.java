package io.crossdock.sandbox.odoo;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An Odoo server on the wire, for tests and the sandbox (never production): XML-RPC
 * ({@code /xmlrpc/2/common}, {@code /xmlrpc/2/object}), JSON-RPC ({@code /jsonrpc}), JSON-2
 * ({@code /json/2/<model>/<method>}, 19 only) and {@code /web/version} (19), with Odoo's envelopes,
 * error names, fault codes and status codes for the emulated major version
 * (../shared/odoo-protocol.md). {@code /emulator/*} lets a person or a test inject faults and
 * configure webhooks.
 */
public final class OdooEmulator implements AutoCloseable {

    /** How to start one emulated Odoo: its major version, where it listens, its one database, user and key. */
    public record Settings(int version, String host, int port, String database, String login, String apiKey) {
        public static Settings of(int version) {
            return new Settings(version, "127.0.0.1", 0, "crossdock", "integration@crossdock.io", "emulator-api-key");
        }

        public Settings port(int port) {
            return new Settings(version, host, port, database, login, apiKey);
        }
    }

    static {
        // The JDK server leaves Nagle's algorithm on, which holds every small answer back by a
        // delayed ACK (~40 ms); Odoo behind its proxy answers as soon as it can.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final Settings settings;
    private final OdooFaults faults = new OdooFaults();
    private final OdooWebhooks webhooks;
    private final OdooService service;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(32);
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicLong requests = new AtomicLong();

    private OdooEmulator(Settings settings) throws IOException {
        if (settings.version() < 16 || settings.version() > 19) {
            throw new IllegalArgumentException("The emulator speaks Odoo 16 to 19, not " + settings.version());
        }
        this.settings = settings;
        this.webhooks = new OdooWebhooks(settings.version(), faults);
        this.service = new OdooService(new OdooDatabase(settings.version(), Clock.systemUTC()), faults, webhooks,
                settings.database(), settings.login(), settings.apiKey());
        this.server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 256);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public static OdooEmulator start(Settings settings) {
        try {
            return new OdooEmulator(settings);
        } catch (IOException e) {
            throw new UncheckedIOException("The Odoo emulator could not listen on " + settings.host() + ":" + settings.port(), e);
        }
    }

    public URI url() {
        return URI.create("http://" + settings.host() + ":" + server.getAddress().getPort());
    }

    public Settings settings() {
        return settings;
    }

    public int version() {
        return settings.version();
    }

    public OdooFaults faults() {
        return faults;
    }

    /** HTTP requests answered so far, whatever the endpoint. */
    public long requests() {
        return requests.get();
    }

    /** Calls made, as {@code model/method} → count. */
    public Map<String, Long> calls() {
        return service.calls();
    }

    /** Configures a "Send Webhook Notification" automation rule, as an Odoo administrator would. */
    public int addWebhook(String model, String trigger, String url, List<String> fields) {
        return webhooks.add(model, trigger, url, fields).actionId();
    }

    public List<String> webhookOutcomes() {
        return webhooks.deliveries().stream().map(d -> d.model() + "/" + d.id() + " " + d.outcome()).toList();
    }

    /** Runs a call as the integration user without HTTP, for seeding data and for looking at it in tests. */
    public Object execute(String model, String method, List<Long> ids, Map<String, Object> arguments,
            Map<String, Object> context) {
        return service.invoke(new OdooService.Call(model, method, ids, arguments, context));
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> searchRead(String model, List<?> domain, List<String> fields) {
        return (List<Map<String, Object>>) execute(model, "search_read", List.of(),
                Map.of("domain", domain, "fields", fields), Map.of());
    }

    @SuppressWarnings("unchecked")
    public long create(String model, Map<String, Object> vals) {
        return ((List<Long>) execute(model, "create", List.of(), Map.of("vals_list", List.of(vals)), Map.of())).get(0);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    // ---------- HTTP ----------

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/emulator/")) {
                OdooEmulatorControl.handle(this, exchange, json);
                return;
            }
            java.time.Duration latency = faults.latency();
            if (!latency.isZero()) {
                Thread.sleep(latency.toMillis());
            }
            if (faults.takeServerError()) {
                send(exchange, 503, "text/html", "<html><body><h1>503 Service Unavailable</h1>"
                        + "No server is available to handle this request.</body></html>");
                return;
            }
            if (path.equals("/xmlrpc/2/common") || path.equals("/xmlrpc/2/object") || path.equals("/xmlrpc/2/db")) {
                xmlRpc(exchange, path.substring("/xmlrpc/2/".length()));
            } else if (path.equals("/web/session/authenticate") || path.startsWith("/web/dataset/call_kw")) {
                webSession(exchange, path);
            } else if (path.equals("/jsonrpc")) {
                jsonRpc(exchange);
            } else if (path.startsWith("/json/2/") && service.version() >= 19) {
                json2(exchange, path.substring("/json/2/".length()));
            } else if (path.equals("/web/version") && service.version() >= 19) {
                sendJson(exchange, 200, Map.of("version_info", List.of(19, 0, 0, "final", 0, ""), "version", "19.0"));
            } else {
                send(exchange, 404, "text/html", "<!doctype html><title>404 Not Found</title><h1>Not Found</h1>"
                        + "<p>The requested URL was not found on the server.</p>");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            send(exchange, 500, "text/plain", "Internal Server Error: " + e);
        }
    }

    private void xmlRpc(HttpExchange exchange, String serviceName) throws IOException {
        String answer;
        try {
            XmlRpcCodec.MethodCall call = XmlRpcCodec.parseCall(exchange.getRequestBody());
            answer = XmlRpcCodec.response(service(serviceName, call.methodName(), call.params()));
        } catch (OdooFault fault) {
            answer = XmlRpcCodec.fault(fault.xmlRpcCode(), fault.xmlRpcFaultString());
        } catch (IllegalArgumentException e) {
            answer = XmlRpcCodec.fault(1, "Traceback (most recent call last):\n  File \"crossdock-odoo-emulator\"\n"
                    + "TypeError: " + e.getMessage() + "\n");
        }
        send(exchange, 200, "text/xml; charset=utf-8", answer);
    }

    private Object service(String serviceName, String method, List<Object> args) {
        return switch (serviceName) {
            case "common" -> common(method, args);
            case "object" -> object(method, args);
            case "db" -> database(method);
            default -> throw OdooFault.unexpected("builtins.KeyError", "'" + serviceName + "'");
        };
    }

    /** The db service with list_db off, as a production server runs: its version, and nothing about its databases. */
    private Object database(String method) {
        return switch (method) {
            case "server_version" -> service.versionInfo().get("server_version");
            case "list", "list_lang", "list_countries", "create_database", "duplicate_database", "drop", "dump", "restore",
                    "change_admin_password", "db_exist", "migrate_databases" -> throw OdooFault.accessDenied();
            default -> throw OdooFault.unexpected("builtins.KeyError", "'dispatch_" + method + "'");
        };
    }

    /**
     * The web client's session routes. An API key opens no web session (Odoo checks it for RPC only,
     * and the emulator's user has no password), so authenticate is denied and call_kw, having no
     * session, answers "Session Expired" as Odoo does.
     */
    private void webSession(HttpExchange exchange, String path) throws IOException {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("jsonrpc", "2.0");
        answer.put("id", null);
        if (path.equals("/web/session/authenticate")) {
            answer.put("error", jsonRpcError(OdooFault.accessDenied()));
        } else {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("name", "odoo.http.SessionExpiredException");
            data.put("message", "Session expired");
            data.put("arguments", List.of("Session expired"));
            data.put("context", Map.of());
            answer.put("error", Map.of("code", 100, "message", "Odoo Session Expired", "data", data));
        }
        sendJson(exchange, 200, answer);
    }

    private Object common(String method, List<Object> params) {
        return switch (method) {
            case "version" -> service.versionInfo();
            case "login" -> service.authenticate(arg(params, 0), arg(params, 1), arg(params, 2));
            case "authenticate" -> service.authenticate(arg(params, 0), arg(params, 1), arg(params, 2));
            default -> throw OdooFault.unexpected("builtins.NameError", "method '" + method + "' is not supported by the common service");
        };
    }

    private Object object(String method, List<Object> params) {
        return switch (method) {
            case "execute_kw" -> service.executeKw(params);
            case "execute" -> {
                List<Object> kw = new ArrayList<>(params.subList(0, Math.min(5, params.size())));
                kw.add(params.size() > 5 ? new ArrayList<>(params.subList(5, params.size())) : List.of());
                yield service.executeKw(kw);
            }
            default -> throw OdooFault.unexpected("builtins.NameError", "method '" + method + "' is not supported by the object service");
        };
    }

    private void jsonRpc(HttpExchange exchange) throws IOException {
        Object body;
        try {
            body = json.readValue(exchange.getRequestBody(), Object.class);
        } catch (IOException e) {
            // Odoo's JSON-RPC dispatcher answers an unreadable body with a bare 400 (werkzeug's text/html).
            send(exchange, 400, "text/html; charset=utf-8", "Invalid JSON data");
            return;
        }
        if (!(body instanceof Map<?, ?>)) {
            // JSON that is not an object (null, a list, a number) is no JSON-RPC request.
            send(exchange, 400, "text/html; charset=utf-8", "Invalid JSON-RPC data");
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> request = (Map<String, Object>) body;
        Object id = request.get("id");
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("jsonrpc", "2.0");
        answer.put("id", id);
        try {
            Map<?, ?> params = request.get("params") instanceof Map<?, ?> map ? map : Map.of();
            String serviceName = String.valueOf(params.get("service"));
            String method = String.valueOf(params.get("method"));
            @SuppressWarnings("unchecked")
            List<Object> args = params.get("args") instanceof List<?> list ? (List<Object>) list : List.of();
            answer.put("result", service(serviceName, method, args));
        } catch (OdooFault fault) {
            answer.put("error", jsonRpcError(fault));
        }
        sendJson(exchange, 200, answer);
    }

    /** Odoo puts 200 in error.code up to 18.0; 18.1 and 19 put 0. */
    private Map<String, Object> jsonRpcError(OdooFault fault) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", service.version() >= 19 ? 0 : 200);
        error.put("message", "Odoo Server Error");
        error.put("data", faultBody(fault));
        return error;
    }

    private Map<String, Object> faultBody(OdooFault fault) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", fault.pythonName());
        data.put("message", fault.getMessage());
        data.put("arguments", fault.arguments());
        data.put("context", Map.of());
        data.put("debug", fault.debug());
        return data;
    }

    private void json2(HttpExchange exchange, String target) throws IOException {
        try {
            String[] parts = target.split("/");
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String key = authorization != null && authorization.toLowerCase(Locale.ROOT).startsWith("bearer ")
                    ? authorization.substring(7).trim() : null;
            if (service.uidForKey(key) == null) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "bearer");
                throw OdooFault.unauthorized(key == null ? "missing api key" : "invalid api key");
            }
            String database = exchange.getRequestHeaders().getFirst("X-Odoo-Database");
            if (database != null && !database.equals(service.databaseName())) {
                // No database means no JSON-2 controller: werkzeug's own Not Found page answers.
                send(exchange, 404, "text/html; charset=utf-8", "<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n"
                        + "<h1>Not Found</h1>\n<p>The requested URL was not found on the server.</p>\n");
                return;
            }
            if (parts.length != 2) {
                throw OdooFault.notFound("the requested URL was not found on the server; expected /json/2/<model>/<method>");
            }
            String model = parts[0];
            String method = parts[1];
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
                send(exchange, 415, "application/json", json.writeValueAsString(faultBody(OdooFault.unexpected(
                        "werkzeug.exceptions.UnsupportedMediaType", "expected Content-Type: application/json"))));
                return;
            }
            Map<String, Object> body;
            try {
                byte[] raw = exchange.getRequestBody().readAllBytes();
                body = raw.length == 0 ? new LinkedHashMap<>() : json.readValue(raw, LinkedHashMap.class);
            } catch (IOException e) {
                send(exchange, 400, "application/json", json.writeValueAsString(faultBody(OdooFault.unexpected(
                        "werkzeug.exceptions.BadRequest", "Invalid JSON data: " + e.getMessage()))));
                return;
            }
            service.checkCallable(model, method);
            if (!service.exists(model, method)) {
                throw OdooFault.notFound(service.database.models.containsKey(model)
                        ? "the method " + model + "." + method + " does not exist" : "the model " + model + " does not exist");
            }
            if (body.containsKey("ids") && !service.isRecordMethod(method)) {
                throw OdooFault.badArguments(method + "() got an unexpected keyword argument 'ids'");
            }
            List<Long> ids = OdooDatabase.Transaction.ids(body.remove("ids"));
            @SuppressWarnings("unchecked")
            Map<String, Object> context = body.remove("context") instanceof Map<?, ?> given ? (Map<String, Object>) given : Map.of();
            sendJson(exchange, 200, service.invoke(new OdooService.Call(model, method, ids, body, context)));
        } catch (OdooFault fault) {
            send(exchange, fault.json2Status(), "application/json", json.writeValueAsString(faultBody(fault)));
        }
    }

    private static String arg(List<Object> params, int index) {
        return params.size() > index ? String.valueOf(params.get(index)) : null;
    }

    void sendJson(HttpExchange exchange, int status, Object body) throws IOException {
        try {
            send(exchange, status, "application/json", json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            send(exchange, 500, "text/plain", e.getOriginalMessage());
        }
    }

    static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
