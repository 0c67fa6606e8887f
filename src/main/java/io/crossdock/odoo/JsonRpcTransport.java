package io.crossdock.odoo;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * JSON-RPC ({@code POST /jsonrpc}, Odoo 16–18; still served, deprecated, by 19): {@code common.authenticate}
 * once for the uid, then {@code object.execute_kw(db, uid, key, model, method, args, kwargs)}, where
 * Odoo re-checks the key on every call.
 */
final class JsonRpcTransport implements OdooTransport {

    private final OdooHttp http;
    private final URI endpoint;
    private final String database;
    private final String login;
    private final String apiKey;
    private final AtomicLong ids = new AtomicLong();
    private volatile Long uid;

    JsonRpcTransport(OdooHttp http, URI base, String database, String login, String apiKey) {
        this.http = http;
        this.endpoint = base.resolve("/jsonrpc");
        this.database = database;
        this.login = login;
        this.apiKey = apiKey;
    }

    @Override
    public String name() {
        return "json-rpc";
    }

    @Override
    public Object execute(String model, String method, List<Long> recordIds, Map<String, Object> arguments,
            Map<String, Object> context) {
        Map<String, Object> kwargs = new LinkedHashMap<>(arguments);
        kwargs.put("context", context);
        List<Object> args = recordIds == null ? List.of() : List.of(recordIds);
        if (method.equals("create") && kwargs.containsKey("vals_list")) {
            // Odoo 16-18 dispatch create through _call_kw_model_create, which takes its values from
            // args[0] only: sent as a keyword, they fail with "IndexError: tuple index out of range".
            args = List.of(kwargs.remove("vals_list"));
        }
        try {
            return rpc("object", "execute_kw", List.of(database, uid(), apiKey, model, method, args, kwargs), model + "." + method);
        } catch (OdooAuthenticationException e) {
            uid = null;
            throw e;
        }
    }

    @Override
    public int majorVersion() {
        Map<?, ?> info = (Map<?, ?>) rpc("common", "version", List.of(), "common.version");
        return ((Number) ((List<?>) info.get("server_version_info")).get(0)).intValue();
    }

    private long uid() {
        Long known = uid;
        if (known != null) {
            return known;
        }
        if (login == null) {
            throw new OdooAuthenticationException("No login is configured for this Odoo connection (crossdock.odoo.login);"
                    + " JSON-RPC authenticates the API key with the user's login", null);
        }
        Object answer = rpc("common", "authenticate", List.of(database, login, apiKey, Map.of()), "common.authenticate");
        if (!(answer instanceof Number number)) {
            throw new OdooAuthenticationException("Odoo refused the login " + login + " with the configured API key on database "
                    + database + " (authenticate answered false)", "odoo.exceptions.AccessDenied");
        }
        uid = number.longValue();
        return uid;
    }

    private Object rpc(String service, String method, List<Object> args, String where) {
        Map<String, Object> body = Map.of("jsonrpc", "2.0", "method", "call", "id", ids.incrementAndGet(),
                "params", Map.of("service", service, "method", method, "args", args));
        OdooHttp.Reply reply = http.post(endpoint, body, Map.of());
        if (reply.status() >= 500) {
            throw new OdooTransportException("HTTP " + reply.status() + " from " + endpoint + " calling " + where + ": "
                    + OdooHttp.abbreviate(reply.body()), null);
        }
        if (reply.status() != 200) {
            throw new OdooServerException("HTTP " + reply.status() + " from " + endpoint + " calling " + where
                    + " (is crossdock.odoo.url an Odoo server?): " + OdooHttp.abbreviate(reply.body()), null);
        }
        if (!(http.parse(reply, endpoint) instanceof Map<?, ?> envelope)) {
            throw new OdooTransportException("The answer from " + endpoint + " is not a JSON-RPC envelope", null);
        }
        if (envelope.get("error") instanceof Map<?, ?> error) {
            throw OdooErrors.fromJsonRpc(error, where);
        }
        return envelope.get("result");
    }
}
