package io.crossdock.orchestration;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crossdock.api.IdempotencyKeys;
import io.crossdock.api.Problem;
import io.crossdock.canonical.CanonicalJson;
import io.crossdock.canonical.ContentHash;
import io.crossdock.canonical.EventType;
import io.crossdock.events.EventContext;
import io.crossdock.events.EventPublisher;
import io.crossdock.ops.Tracking;
import io.crossdock.ops.TrackingEntry;
import io.crossdock.ops.TrackingQuery;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Orders from calling systems (web shops, marketplaces): the canonical Order as JSON, checked
 * against its schema (400 naming each field), accepted for processing (202 with the tracking key)
 * and then placed in Odoo exactly like an EDI order. An {@code Idempotency-Key} makes a retry
 * answer the same without sending the order again.
 */
@Path("/api/v1/orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {

    private static final String SOURCE = "/crossdock/api/orders";

    private final EventPublisher events;
    private final IdempotencyKeys idempotency;
    private final TrackingQuery timelines;
    private final Tracking tracking;
    private final SecurityIdentity caller;
    private final OrderProcess process;

    public OrderResource(EventPublisher events, IdempotencyKeys idempotency, TrackingQuery timelines, Tracking tracking,
            SecurityIdentity caller, OrderProcess process) {
        this.process = process;
        this.events = events;
        this.idempotency = idempotency;
        this.timelines = timelines;
        this.tracking = tracking;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed("channel")
    public Response receive(@HeaderParam("Idempotency-Key") String key, String body) throws Exception {
        String client = caller.getPrincipal().getName();
        String sha256 = ContentHash.sha256((body == null ? "" : body).getBytes(StandardCharsets.UTF_8));
        if (key != null && !key.isBlank()) {
            var earlier = idempotency.answered(client, key);
            if (earlier.isPresent()) {
                return replay(key, sha256, earlier.get());
            }
        }
        JsonNode order;
        try {
            order = CanonicalJson.MAPPER.readTree(body == null ? "" : body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Problem.response(Response.Status.BAD_REQUEST, "Malformed JSON", e.getOriginalMessage(), List.of());
        }
        if (order == null || !order.isObject()) {
            return Problem.response(Response.Status.BAD_REQUEST, "Invalid order", "The body must be an order (a JSON object)",
                    List.of());
        }
        if (order.hasNonNull("partner") && !client.equals(order.get("partner").asText())) {
            return Problem.response(Response.Status.BAD_REQUEST, "Invalid order", "An order is always from its caller",
                    List.of(new Problem.FieldError("partner", "caller", "must be " + client + " or left out")));
        }
        ((ObjectNode) order).put("partner", client);
        String correlationId = UUID.randomUUID().toString();
        events.publishJson(EventType.ORDER_RECEIVED, order, EventContext.of(correlationId, client, SOURCE)).get(30, TimeUnit.SECONDS);
        String trackingKey = client + "/" + order.path("poNumber").asText();
        tracking.record(TrackingEntry.of("API_ORDER_RECEIVED", "api", "Order " + order.path("poNumber").asText() + " received from "
                + client + (key == null ? "" : " (Idempotency-Key " + key + ")"), trackingKey, client, correlationId));
        Map<String, Object> accepted = new LinkedHashMap<>();
        accepted.put("trackingKey", trackingKey);
        accepted.put("correlationId", correlationId);
        accepted.put("status", "RECEIVED");
        accepted.put("href", "/api/v1/orders/" + trackingKey);
        String answer = CanonicalJson.MAPPER.writeValueAsString(accepted);
        if (key != null && !key.isBlank()) {
            IdempotencyKeys.Answer kept = idempotency.remember(client, key, new IdempotencyKeys.Answer(sha256, 202, answer));
            if (!kept.body().equals(answer)) {
                return replay(key, sha256, kept);
            }
        }
        return Response.accepted(answer).location(URI.create("/api/v1/orders/" + trackingKey)).type(MediaType.APPLICATION_JSON).build();
    }

    private static Response replay(String key, String sha256, IdempotencyKeys.Answer earlier) {
        if (!earlier.requestSha256().equals(sha256)) {
            return Problem.response(422, "Idempotency-Key reused", "Idempotency-Key " + key
                    + " was used for a different request; use a new key for a new order", List.of());
        }
        return Response.status(earlier.status()).entity(earlier.body()).type(MediaType.APPLICATION_JSON)
                .header("Idempotent-Replayed", "true").build();
    }

    /** Where an order stands across the whole flow, from its timeline. */
    @GET
    @Path("/{partner}/{po}")
    @RolesAllowed({"channel", "operator", "admin"})
    public Response status(@PathParam("partner") String partner, @PathParam("po") String po) throws Exception {
        if (!caller.hasRole("operator") && !caller.hasRole("admin") && !caller.getPrincipal().getName().equals(partner)) {
            return Problem.response(Response.Status.FORBIDDEN, "Not your order", "A calling system sees its own orders only", List.of());
        }
        TrackingQuery.Timeline timeline = timelines.timeline(partner + "/" + po);
        if (timeline.timeline().isEmpty()) {
            return Problem.response(Response.Status.NOT_FOUND, "Unknown order", "No order " + po + " from " + partner, List.of());
        }
        Optional<OrderProcess.State> state = process.find(partner, po);
        // A business exception, or a dead letter not (yet) replayed, waits for a person.
        long deadLetters = timeline.timeline().stream().filter(entry -> "DEAD_LETTERED".equals(entry.stage())).count();
        long replays = timeline.timeline().stream().filter(entry -> "REPLAYED".equals(entry.stage())).count();
        boolean needsAttention = deadLetters > replays
                || timeline.timeline().stream().anyMatch(entry -> "BUSINESS_EXCEPTION".equals(entry.stage()));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("trackingKey", partner + "/" + po);
        answer.put("status", status(state, needsAttention));
        answer.put("needsAttention", needsAttention);
        state.map(OrderProcess.State::saleOrder).ifPresent(name -> answer.put("saleOrder", name));
        Map<String, String> steps = new LinkedHashMap<>();
        state.ifPresent(reached -> reached.reached().forEach((step, at) -> steps.put(step.name(), at.toString())));
        answer.put("process", steps);
        answer.put("correlationIds", timeline.correlationIds());
        answer.put("steps", timeline.timeline().stream().map(entry -> Map.of("at", entry.at().toString(), "stage", entry.stage(),
                "description", entry.description() == null ? "" : entry.description())).toList());
        return Response.ok(answer).build();
    }

    /** How far the order got in the business sense; the documents sent are in {@code process}. */
    private static String status(Optional<OrderProcess.State> state, boolean needsAttention) {
        if (state.isEmpty()) {
            return needsAttention ? "NEEDS_ATTENTION" : "RECEIVED";
        }
        OrderProcess.State reached = state.get();
        return reached.has(ProcessStep.INVOICED) ? "INVOICED"
                : reached.has(ProcessStep.SHIPPED) ? "SHIPPED"
                : reached.has(ProcessStep.REJECTED) ? "REJECTED"
                : reached.has(ProcessStep.CONFIRMED) ? "CONFIRMED"
                : reached.has(ProcessStep.CREDIT_HOLD) ? "ON_HOLD"
                : needsAttention ? "NEEDS_ATTENTION"
                : reached.has(ProcessStep.CREATED_IN_ODOO) ? "CREATED_IN_ODOO" : "RECEIVED";
    }
}
