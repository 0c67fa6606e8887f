package io.crossdock.odoo;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.faulttolerance.api.CircuitBreakerState;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN while Odoo rejects the integration user's key: nothing a retry can fix, an operator must.
 * An open circuit breaker is reported but keeps the pod ready, because the pod still serves
 * everything that does not need Odoo and the breaker heals itself.
 */
@Readiness
@ApplicationScoped
public class OdooReadiness implements HealthCheck {

    private final OdooConnections connections;

    public OdooReadiness(OdooConnections connections) {
        this.connections = connections;
    }

    @Override
    public HealthCheckResponse call() {
        OdooClient client = connections.client();
        HealthCheckResponseBuilder health = HealthCheckResponse.named("odoo");
        OdooClient.Health state = client.health();
        if (!state.configured()) {
            return health.up().withData("configured", false).build();
        }
        if (state.authenticationProblem() != null || state.version() == null) {
            try {
                client.probe();
            } catch (OdooAuthenticationException e) {
                // recorded in the client's health below
            } catch (RuntimeException e) {
                return health.up().withData("reachable", false).withData("problem", String.valueOf(e.getMessage())).build();
            }
            state = client.health();
        }
        health.withData("circuit", state.circuit().name());
        if (state.version() != null) {
            health.withData("version", state.version());
        }
        if (state.authenticationProblem() != null) {
            return health.down().withData("problem", state.authenticationProblem()).build();
        }
        return state.circuit() == CircuitBreakerState.OPEN ? health.up().withData("problem", "circuit open").build() : health.up().build();
    }
}
