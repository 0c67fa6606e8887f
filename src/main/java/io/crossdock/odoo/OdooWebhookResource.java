package io.crossdock.odoo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crossdock.api.Problem;
import org.jboss.logging.Logger;

/**
 * Odoo 17+'s "Send Webhook Notification" calls. Odoo signs nothing and sends no credentials, so
 * each hook has a secret the hub issued, carried in the URL Odoo is given
 * ({@code /webhooks/odoo/<hook>?secret=...}) or in {@code X-Crossdock-Webhook-Secret}. The call is
 * only a hint: the change is confirmed by reading the record before a route sees it.
 */
@Path("/webhooks/odoo/{hook}")
public class OdooWebhookResource {

    private static final Logger LOG = Logger.getLogger(OdooWebhookResource.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OdooConfig config;
    private final OdooChangeCapture changes;

    public OdooWebhookResource(OdooConfig config, OdooChangeCapture changes) {
        this.config = config;
        this.changes = changes;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response notify(@PathParam("hook") String hook, @QueryParam("secret") String querySecret,
            @HeaderParam("X-Crossdock-Webhook-Secret") String headerSecret, String body) {
        OdooConfig.Webhook webhook = config.webhooks().get(hook);
        if (webhook == null) {
            return refuse(hook, Response.Status.NOT_FOUND, "Unknown webhook", "No Odoo webhook named '" + hook
                    + "' is configured (crossdock.odoo.webhooks." + hook + ".secret)");
        }
        String given = headerSecret != null ? headerSecret : querySecret;
        if (given == null || given.isBlank()) {
            return refuse(hook, Response.Status.UNAUTHORIZED, "Missing webhook secret",
                    "Put the hook's secret in the URL (?secret=) or the X-Crossdock-Webhook-Secret header");
        }
        if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), webhook.secret().getBytes(StandardCharsets.UTF_8))) {
            return refuse(hook, Response.Status.UNAUTHORIZED, "Wrong webhook secret", "The secret does not match hook '" + hook + "'");
        }
        Map<?, ?> payload;
        try {
            payload = JSON.readValue(body == null ? "" : body, Map.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return refuse(hook, Response.Status.BAD_REQUEST, "Malformed webhook body",
                    "The body is not a JSON object as Odoo's Send Webhook Notification sends: " + e.getOriginalMessage());
        } catch (RuntimeException e) {
            return refuse(hook, Response.Status.BAD_REQUEST, "Malformed webhook body", "The body is not a JSON object");
        }
        if (!(payload.get("_model") instanceof String model) || model.isBlank()) {
            return refuse(hook, Response.Status.BAD_REQUEST, "Malformed webhook body", "_model is missing");
        }
        Object id = payload.get("_id") != null ? payload.get("_id") : payload.get("id");
        if (!(id instanceof Number recordId)) {
            return refuse(hook, Response.Status.BAD_REQUEST, "Malformed webhook body", "_id (the record id) is missing or not a number");
        }
        List<String> allowed = webhook.models().orElse(List.of());
        if ((!allowed.isEmpty() && !allowed.contains(model)) || !changes.listensTo(model)) {
            return refuse(hook, 422, "Unknown model",
                    "Hook '" + hook + "' does not carry changes of " + model
                            + (allowed.isEmpty() ? " (no route listens to odoo:" + model + ")" : " (it carries " + allowed + ")"));
        }
        String hint = payload.get("write_date") instanceof String text ? text : null;
        changes.announced(model, recordId.longValue(), hint);
        return Response.accepted(Map.of("status", "ok")).type(MediaType.APPLICATION_JSON).build();
    }

    private static Response refuse(String hook, Response.Status status, String title, String detail) {
        return refuse(hook, status.getStatusCode(), title, detail);
    }

    private static Response refuse(String hook, int status, String title, String detail) {
        LOG.warnf("Odoo webhook %s refused (%d %s): %s", hook, status, title, detail);
        return Problem.response(status, title, detail, List.of());
    }
}
