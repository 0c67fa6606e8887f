package io.crossdock.ops;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import org.apache.camel.CamelContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Live reload of YAML routes in the packaged application (no dev mode needed): switched on in the
 * sandbox, off in production where routes come from a ConfigMap and roll out with the pods.
 */
@ApplicationScoped
public class RouteReloading {

    private final CamelContext camel;
    private final Event<RoutesReloaded> reloaded;
    private final boolean enabled;
    private final String directory;
    private GuardedRouteReloadStrategy strategy;

    public RouteReloading(CamelContext camel, Event<RoutesReloaded> reloaded,
            /** Checked, guarded live reload of the route files (see RouteReloading); the sandbox switches it on. */
            @ConfigProperty(name = "crossdock.routes.reload.enabled", defaultValue = "false") boolean enabled,
            @ConfigProperty(name = "crossdock.routes.reload.directory") String directory) {
        this.camel = camel;
        this.reloaded = reloaded;
        this.enabled = enabled;
        this.directory = directory;
    }

    void onStart(@Observes StartupEvent started) throws Exception {
        if (enabled) {
            strategy = new GuardedRouteReloadStrategy(directory, "*.yaml", templates -> reloaded.fire(new RoutesReloaded(templates)));
            camel.addService(strategy, true, true);
        }
    }

    /** Reasons the last edit was refused; empty when the last edit loaded or reload is off. */
    public List<RouteProblem> lastRefusal() {
        return Optional.ofNullable(strategy).map(GuardedRouteReloadStrategy::lastRefusal).orElse(List.of());
    }
}
