package io.crossdock.ops;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.camel.Route;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.RouteWatcherReloadStrategy;
import org.jboss.logging.Logger;

/**
 * Camel's route file watcher, with one rule added: an edited file is checked before it replaces
 * the running routes. A broken edit is refused with the reasons logged, and the old routes keep
 * running until a good version is saved.
 */
public class GuardedRouteReloadStrategy extends RouteWatcherReloadStrategy {

    private static final Logger LOG = Logger.getLogger(GuardedRouteReloadStrategy.class);

    private final java.util.function.Consumer<Set<String>> afterReload;
    private final AtomicReference<List<RouteProblem>> lastRefusal = new AtomicReference<>(List.of());

    /** @param afterReload told which route templates the reloaded files define */
    public GuardedRouteReloadStrategy(String directory, String pattern,
            java.util.function.Consumer<Set<String>> afterReload) {
        super(directory, true);
        setPattern(pattern);
        setRemoveAllRoutes(false);
        this.afterReload = afterReload;
    }

    @Override
    protected void onRouteReload(Collection<Resource> resources, boolean removeEverything) {
        RouteFileValidator.Inspection inspection = new RouteFileValidator(getCamelContext())
                .inspect(resources, routeIdsFromOtherFiles(resources));
        List<RouteProblem> problems = inspection.problems();
        if (!problems.isEmpty()) {
            lastRefusal.set(problems);
            LOG.errorf("Refused to reload %s; the running routes are unchanged:%n  %s",
                    resources.stream().map(Resource::getLocation).toList(),
                    String.join(System.lineSeparator() + "  ", problems.stream().map(RouteProblem::toString).toList()));
            return;
        }
        super.onRouteReload(resources, removeEverything);
        lastRefusal.set(List.of());
        LOG.infof("Reloaded routes from %s", resources.stream().map(Resource::getLocation).toList());
        afterReload.accept(inspection.templateIds());
    }

    /** What the last refused edit was refused for; empty once a good version has loaded. */
    public List<RouteProblem> lastRefusal() {
        return lastRefusal.get();
    }

    private Map<String, String> routeIdsFromOtherFiles(Collection<Resource> edited) {
        Map<String, String> ids = new HashMap<>();
        for (Route route : getCamelContext().getRoutes()) {
            Resource source = route.getSourceResource();
            boolean fromEditedFile = source != null && edited.stream()
                    .anyMatch(r -> Objects.equals(filePath(r), filePath(source)));
            boolean fromTemplate = route.isCreatedByRouteTemplate();
            if (!fromEditedFile && !fromTemplate) {
                ids.put(route.getRouteId(), source == null ? "Java route" : source.getLocation());
            }
        }
        return ids;
    }

    /** Startup and the watcher name one file differently (relative, absolute, with or without "file:"). */
    private static Path filePath(Resource resource) {
        String location = resource.getLocation();
        String path = location.startsWith("file:") ? location.substring("file:".length()) : location;
        return Path.of(path).toAbsolutePath().normalize();
    }
}
