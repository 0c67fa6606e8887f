package io.crossdock.odoo;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON-2 (Odoo 19+): {@code POST /json/2/<model>/<method>} with the API key as a bearer token,
 * named arguments only, and the bare return value; failures are told by the HTTP status.
 */
final class Json2Transport implements OdooTransport {

    private final OdooHttp http;
    private final URI base;
    private final Map<String, String> headers;

    Json2Transport(OdooHttp http, URI base, String database, String apiKey) {
        this.http = http;
        this.base = base;
        this.headers = Map.of("Authorization", "bearer " + apiKey, "X-Odoo-Database", database);
    }

    @Override
    public String name() {
        return "json-2";
    }

    @Override
    public Object execute(String model, String method, List<Long> ids, Map<String, Object> arguments, Map<String, Object> context) {
        Map<String, Object> body = new LinkedHashMap<>(arguments);
        if (ids != null) {
            body.put("ids", ids);
        }
        body.put("context", context);
        URI uri = base.resolve("/json/2/" + model + "/" + method);
        OdooHttp.Reply reply = http.post(uri, body, headers);
        if (reply.status() == 200) {
            return http.parse(reply, uri);
        }
        if (reply.isJson() && http.parse(reply, uri) instanceof Map<?, ?> error && error.containsKey("name")) {
            throw OdooErrors.fromJson2(reply.status(), error, model + "." + method);
        }
        if (reply.status() >= 500) {
            throw new OdooTransportException("HTTP " + reply.status() + " from " + uri + ": " + OdooHttp.abbreviate(reply.body()), null);
        }
        throw OdooErrors.fromJson2(reply.status(), Map.of("message", "HTTP " + reply.status() + " "
                + OdooHttp.abbreviate(reply.body())), model + "." + method);
    }

    @Override
    public int majorVersion() {
        URI uri = base.resolve("/web/version");
        OdooHttp.Reply reply = http.get(uri);
        if (reply.status() != 200 || !(http.parse(reply, uri) instanceof Map<?, ?> info)) {
            throw new OdooServerException("GET " + uri + " answered HTTP " + reply.status() + "; JSON-2 needs Odoo 19 or later", null);
        }
        return ((Number) ((List<?>) info.get("version_info")).get(0)).intValue();
    }
}
