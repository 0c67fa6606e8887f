package io.crossdock.api;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.faulttolerance.api.RateLimitException;
import io.smallrye.faulttolerance.api.RateLimitType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Per-client request budgets on the API (SmallRye Fault Tolerance's rolling-window rate limit, one
 * per client): over budget is 429 with {@code Retry-After} in seconds, so a well-behaved caller
 * knows when to come back. Anonymous callers are already turned away with 401 before this runs.
 */
@ApplicationScoped
public class RateLimits {

    private final RateLimitConfig config;
    private final Map<String, Guard> budgets = new ConcurrentHashMap<>();

    public RateLimits(RateLimitConfig config) {
        this.config = config;
    }

    @ServerRequestFilter
    public Response admit(ContainerRequestContext request) {
        java.security.Principal caller = request.getSecurityContext().getUserPrincipal();
        if (caller == null) {
            return null;
        }
        String client = caller.getName();
        try {
            budgets.computeIfAbsent(client, this::budget).get(() -> Boolean.TRUE, Boolean.class);
            return null;
        } catch (RateLimitException e) {
            long seconds = Math.max(1, (e.getRetryAfterMillis() + 999) / 1000);
            Response problem = Problem.response(429, "Too many requests", "Client " + client + " may make "
                    + config.requestsFor(client) + " requests per " + config.window() + "; retry after " + seconds + " s", List.of());
            return Response.fromResponse(problem).header("Retry-After", Long.toString(seconds)).build();
        }
    }

    private Guard budget(String client) {
        return Guard.create()
                .withRateLimit()
                .limit(config.requestsFor(client))
                .window(config.window().toMillis(), ChronoUnit.MILLIS)
                .type(RateLimitType.ROLLING)
                .done()
                .build();
    }
}
