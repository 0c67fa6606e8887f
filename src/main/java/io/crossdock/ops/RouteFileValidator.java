package io.crossdock.ops;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.ChoiceDefinition;
import org.apache.camel.model.EndpointRequiredDefinition;
import org.apache.camel.model.OptionalIdentifiedDefinition;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.spi.EndpointUriFactory;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.util.URISupport;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/**
 * Checks route files the way Camel would load them, without starting anything: YAML syntax,
 * unknown properties and steps, unknown endpoint schemes and options, routes without an explicit
 * id and ids used twice. Used by the build (a test over {@code routes/}) and by the sandbox before
 * it reloads an edited file, so a broken route never replaces a working one.
 */
public final class RouteFileValidator {

    private final CamelContext camel;

    public RouteFileValidator(CamelContext camel) {
        this.camel = camel;
    }

    /**
     * @param resources the files to check together
     * @param idsElsewhere route ids already taken by other sources, with where they come from
     */
    public List<RouteProblem> validate(Collection<Resource> resources, Map<String, String> idsElsewhere) {
        return inspect(resources, idsElsewhere).problems();
    }

    /** What the files are refused for, and the route templates they define. */
    public record Inspection(List<RouteProblem> problems, Set<String> templateIds) {
    }

    public Inspection inspect(Collection<Resource> resources, Map<String, String> idsElsewhere) {
        List<RouteProblem> problems = new ArrayList<>();
        Map<String, String> routeIds = new LinkedHashMap<>(idsElsewhere);
        Map<String, String> templateIds = new LinkedHashMap<>();
        for (Resource resource : resources) {
            String file = resource.getLocation();
            try {
                try (InputStream text = resource.getInputStream()) {
                    RouteNames.check(file, new String(text.readAllBytes(), StandardCharsets.UTF_8), problems);
                }
                for (RoutesBuilder builder : PluginHelper.getRoutesLoader(camel).findRoutesBuilders(resource)) {
                    if (builder instanceof RouteBuilder routes) {
                        routes.configureRoutes(camel);
                        for (RouteDefinition route : routes.getRouteCollection().getRoutes()) {
                            checkRoute(file, route, route.getRouteId(), routeIds, problems);
                        }
                        for (RouteTemplateDefinition template : routes.getRouteTemplateCollection().getRouteTemplates()) {
                            claimId(file, line(template), "route template", template.getId(), templateIds, problems);
                            checkEndpoints(file, template.getRoute(), problems);
                        }
                    }
                }
            } catch (Exception e) {
                problems.add(loadProblem(file, e));
            }
        }
        return new Inspection(problems, Set.copyOf(templateIds.keySet()));
    }

    private void checkRoute(String file, RouteDefinition route, String id, Map<String, String> routeIds,
            List<RouteProblem> problems) {
        if (!route.hasCustomIdAssigned()) {
            problems.add(new RouteProblem(file, line(route.getInput()),
                    "route from '" + route.getEndpointUrl() + "' has no id: give every route an explicit, meaningful id"));
        } else {
            claimId(file, line(route), "route", id, routeIds, problems);
        }
        checkEndpoints(file, route, problems);
    }

    private static void claimId(String file, int line, String kind, String id, Map<String, String> taken,
            List<RouteProblem> problems) {
        String here = line > 0 ? file + ":" + line : file;
        String earlier = taken.putIfAbsent(id, here);
        if (earlier != null) {
            problems.add(new RouteProblem(file, line, "duplicate " + kind + " id '" + id + "', already used at " + earlier));
        }
    }

    private void checkEndpoints(String file, RouteDefinition route, List<RouteProblem> problems) {
        if (route.getInput() != null) {
            checkUri(file, line(route.getInput()), route.getInput().getEndpointUri(), problems);
        }
        Set<ProcessorDefinition<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (ProcessorDefinition<?> step : route.getOutputs()) {
            visit(step, seen, node -> {
                if (node instanceof EndpointRequiredDefinition endpoint) {
                    checkUri(file, line(node), endpoint.getEndpointUri(), problems);
                }
            });
        }
    }

    private static void visit(ProcessorDefinition<?> node, Set<ProcessorDefinition<?>> seen,
            java.util.function.Consumer<ProcessorDefinition<?>> action) {
        if (node == null || !seen.add(node)) {
            return;
        }
        action.accept(node);
        if (node instanceof ChoiceDefinition choice) {
            choice.getWhenClauses().forEach(when -> when.getOutputs().forEach(step -> visit(step, seen, action)));
            if (choice.getOtherwise() != null) {
                choice.getOtherwise().getOutputs().forEach(step -> visit(step, seen, action));
            }
        }
        for (ProcessorDefinition<?> child : node.getOutputs()) {
            visit(child, seen, action);
        }
    }

    private void checkUri(String file, int line, String uri, List<RouteProblem> problems) {
        if (uri == null || uri.isBlank()) {
            return;
        }
        int colon = uri.indexOf(':');
        String scheme = colon < 0 ? uri : uri.substring(0, colon);
        if (scheme.contains("{{") || scheme.contains("${")) {
            return; // decided at run time
        }
        if (camel.getComponent(scheme, true, false) == null) {
            problems.add(new RouteProblem(file, line, "unknown endpoint scheme '" + scheme + "' in '"
                    + URISupport.sanitizeUri(uri) + "': no such Camel component is on the classpath"));
            return;
        }
        EndpointUriFactory options = camel.getCamelContextExtension().getEndpointUriFactory(scheme);
        int query = uri.indexOf('?');
        if (options == null || options.isLenientProperties() || query < 0) {
            return;
        }
        try {
            for (String option : URISupport.parseQuery(uri.substring(query + 1), true).keySet()) {
                boolean known = options.propertyNames().contains(option)
                        || options.multiValuePrefixes().stream().anyMatch(option::startsWith)
                        || option.contains("{{");
                if (!known) {
                    problems.add(new RouteProblem(file, line, "unknown option '" + option + "' for endpoint '"
                            + scheme + "' in '" + URISupport.sanitizeUri(uri) + "'"));
                }
            }
        } catch (Exception e) {
            problems.add(new RouteProblem(file, line, "malformed endpoint options in '" + URISupport.sanitizeUri(uri)
                    + "': " + e.getMessage()));
        }
    }

    private static RouteProblem loadProblem(String file, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYamlEngineException marked) {
                int line = marked.getProblemMark().map(mark -> mark.getLine() + 1).orElse(0);
                String problem = marked.getProblem() != null ? marked.getProblem() : firstLine(marked.getMessage());
                return new RouteProblem(file, line, problem);
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new RouteProblem(file, 0, firstLine(root.getMessage() != null ? root.getMessage() : root.toString()));
    }

    private static int line(OptionalIdentifiedDefinition<?> node) {
        return node == null ? 0 : Math.max(node.getLineNumber(), 0);
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
