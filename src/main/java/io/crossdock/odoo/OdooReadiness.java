package io.crossdock.odoo;

import jakarta.enterprise.context.ApplicationScoped;

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
        HealthCheckResponseBuilder health = HealthCheckResponse.named("odoo").up();
        for (OdooClient client : connections.all()) {
            String state = state(client);
            health.withData(client.name(), state);
            if (state.startsWith("DOWN")) {
                health.down();
            }
        }
        return health.build();
    }

    private static String state(OdooClient client) {
        OdooClient.Health health = client.health();
        if (!health.configured()) {
            return "not configured";
        }
        if (health.authenticationProblem() != null || health.version() == null) {
            try {
                client.probe();
            } catch (OdooAuthenticationException e) {
                // recorded in the client's health
            } catch (RuntimeException e) {
                return "UP, unreachable: " + e.getMessage();
            }
            health = client.health();
        }
        if (health.authenticationProblem() != null) {
            return "DOWN " + health.authenticationProblem();
        }
        return "UP Odoo " + health.version() + ", circuit " + health.circuit().name().toLowerCase(java.util.Locale.ROOT);
    }
}
