package io.crossdock.ops;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.crossdock.canonical.EventFamily;
import io.crossdock.events.Replays;
import io.crossdock.events.Replays.ReplayResult;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;

/** Operators replay what failed once its cause is fixed: one dead letter, a business key, or a time range. */
@Path("/api/v1")
@RolesAllowed({"operator", "admin"})
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ReplayResource {

    private final Replays replays;
    private final SecurityIdentity caller;

    public ReplayResource(Replays replays, SecurityIdentity caller) {
        this.replays = replays;
        this.caller = caller;
    }

    /** Exactly one of: {@code deadLetterId}; {@code businessKey}; {@code family} with {@code from} and {@code to}. */
    public record ReplayRequest(String deadLetterId, String businessKey, String family, OffsetDateTime from,
            OffsetDateTime to) {
    }

    @POST
    @Path("/replays")
    @Consumes(MediaType.APPLICATION_JSON)
    public ReplayResult replay(ReplayRequest request) throws Exception {
        if (request == null) {
            throw new IllegalArgumentException("a body is required: {\"deadLetterId\": …}, {\"businessKey\": …}"
                    + " or {\"family\": …, \"from\": …, \"to\": …}");
        }
        String operator = caller.getPrincipal().getName();
        int given = (request.deadLetterId() != null ? 1 : 0) + (request.businessKey() != null ? 1 : 0)
                + (request.family() != null ? 1 : 0);
        if (given != 1) {
            throw new IllegalArgumentException("give exactly one of deadLetterId, businessKey or family (with from and to)");
        }
        if (request.deadLetterId() != null) {
            return replays.deadLetter(request.deadLetterId(), operator);
        }
        if (request.businessKey() != null) {
            return replays.businessKey(request.businessKey(), operator);
        }
        if (request.from() == null || request.to() == null) {
            throw new IllegalArgumentException("a time-range replay needs both 'from' and 'to' (ISO-8601 instants)");
        }
        return replays.timeRange(family(request.family()), request.from().toInstant(), request.to().toInstant(),
                operator);
    }

    @GET
    @Path("/dead-letters")
    public List<DeadLetterView> deadLetters(@QueryParam("businessKey") String businessKey) throws Exception {
        if (businessKey == null || businessKey.isBlank()) {
            throw new IllegalArgumentException("query parameter 'businessKey' is required");
        }
        return replays.deadLettersOf(businessKey).stream().map(DeadLetterView::of).toList();
    }

    /** A dead letter without its payload bytes. */
    public record DeadLetterView(String id, String consumer, String eventId, String eventType, String businessKey,
            String correlationId, String topic, int partition, long offset, String cause, int attempts,
            OffsetDateTime deadLetteredAt, String status, String replayedBy) {

        static DeadLetterView of(Replays.DeadLetter d) {
            return new DeadLetterView(d.id(), d.consumer(), d.eventId(), d.eventType(), d.businessKey(),
                    d.correlationId(), d.topic(), d.partition(), d.offset(), d.cause(), d.attempts(),
                    d.deadLetteredAt(), d.status(), d.replayedBy());
        }
    }

    private static EventFamily family(String id) {
        return Arrays.stream(EventFamily.values()).filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown event family '" + id + "'; known: "
                        + Arrays.stream(EventFamily.values()).map(EventFamily::id).toList()));
    }

}
