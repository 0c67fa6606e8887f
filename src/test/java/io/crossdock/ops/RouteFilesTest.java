package io.crossdock.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every route file that ships must load; a broken one is named with its line before it reaches a pod. */
class RouteFilesTest {

    private final DefaultCamelContext camel = new DefaultCamelContext();

    @TempDir
    Path dir;

    @AfterEach
    void close() throws IOException {
        camel.close();
    }

    @Test
    void everyShippedRouteFileLoads() throws IOException {
        List<Resource> shipped;
        try (Stream<Path> files = Files.walk(Path.of("routes"))) {
            shipped = files.filter(f -> f.toString().endsWith(".yaml")).sorted().map(this::resource).toList();
        }
        assertThat(shipped).isNotEmpty();
        assertThat(validate(shipped)).isEmpty();
    }

    @Test
    void aMisspeltPathOnADeclaredPropertyIsNamedWithItsLine() {
        Resource typo = write("plan.yaml", """
                - route:
                    id: orders
                    from:
                      uri: "direct:in"
                      steps:
                        - filter:
                            simple: "${exchangeProperty.plan.rejectd}"
                            steps:
                              - to: "log:x"
                """);
        assertThat(validate(List.of(typo))).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(7);
            assertThat(problem.message()).contains("OrderPlan").contains("has no 'rejectd'");
        });
    }

    @Test
    void aPropertyOrHeaderNotDeclaredIsNamed() {
        Resource undeclared = write("names.yaml", """
                - route:
                    id: orders
                    from:
                      uri: "direct:in"
                      steps:
                        - setHeader:
                            name: CrossdockPartnr
                            constant: demo
                        - filter:
                            simple: "${exchangeProperty.plna} != null"
                            steps:
                              - to: "log:${header.CamelFileName}"
                """);
        assertThat(validate(List.of(undeclared))).extracting(RouteProblem::message).satisfiesExactlyInAnyOrder(
                message -> assertThat(message).contains("header 'CrossdockPartnr'").contains("not declared"),
                message -> assertThat(message).contains("exchange property 'plna'").contains("not declared"));
    }

    @Test
    void aYamlSyntaxErrorIsNamedWithItsFileAndLine() {
        Resource broken = write("broken.yaml", """
                - route:
                    id: orders
                    from:
                      uri: "direct:in"
                      steps:
                        - to: "log:x
                """);
        assertThat(validate(List.of(broken))).singleElement().satisfies(problem -> {
            assertThat(problem.file()).endsWith("broken.yaml");
            assertThat(problem.line()).isGreaterThanOrEqualTo(6);
        });
    }

    @Test
    void anUnknownPropertyIsNamedWithItsLine() {
        Resource typo = write("typo.yaml", """
                - route:
                    id: orders
                    from:
                      uri: "direct:in"
                      steps:
                        - to:
                            urii: "log:x"
                """);
        assertThat(validate(List.of(typo))).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(7);
            assertThat(problem.message()).contains("urii");
        });
    }

    @Test
    void anUnknownEndpointSchemeIsNamed() {
        Resource unknown = write("scheme.yaml", """
                - route:
                    id: orders
                    from:
                      uri: "direct:in"
                      steps:
                        - to: "kafak:orders"
                """);
        assertThat(validate(List.of(unknown))).singleElement().satisfies(problem -> {
            assertThat(problem.toString()).contains("scheme.yaml:6").contains("unknown endpoint scheme 'kafak'");
        });
    }

    @Test
    void anUnknownEndpointOptionIsNamed() {
        Resource unknown = write("option.yaml", """
                - route:
                    id: orders
                    from:
                      uri: "direct:in"
                      steps:
                        - to: "log:x?showBodyy=true"
                """);
        assertThat(validate(List.of(unknown))).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("unknown option 'showBodyy'"));
    }

    @Test
    void aMisspeltOdooOptionIsNamedLikeAnyComponents() {
        Resource unknown = write("odoo-option.yaml", """
                - route:
                    id: orders
                    from:
                      uri: "direct:in"
                      steps:
                        - to: "odoo:sale.order?operation=create&conection=legacy"
                """);
        assertThat(validate(List.of(unknown))).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("unknown option 'conection'"));
    }

    @Test
    void aRouteIdUsedTwiceAcrossFilesIsNamedWithBothPlaces() {
        Resource first = write("a.yaml", route("orders", "direct:a"));
        Resource second = write("b.yaml", route("orders", "direct:b"));
        assertThat(validate(List.of(first, second))).singleElement().satisfies(problem -> {
            assertThat(problem.file()).endsWith("b.yaml");
            assertThat(problem.message()).contains("duplicate route id 'orders'").contains("a.yaml:");
        });
    }

    @Test
    void aRouteWithoutAnIdIsRefused() {
        Resource anonymous = write("anonymous.yaml", """
                - route:
                    from:
                      uri: "direct:in"
                      steps:
                        - to: "log:x"
                """);
        assertThat(validate(List.of(anonymous))).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("has no id"));
    }

    private List<RouteProblem> validate(List<Resource> resources) {
        return new RouteFileValidator(camel).validate(resources, Map.of());
    }

    private static String route(String id, String from) {
        return """
                - route:
                    id: %s
                    from:
                      uri: "%s"
                      steps:
                        - to: "log:x"
                """.formatted(id, from);
    }

    private Resource write(String name, String yaml) {
        try {
            return resource(Files.writeString(dir.resolve(name), yaml));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Resource resource(Path file) {
        return PluginHelper.getResourceLoader(camel).resolveResource("file:" + file);
    }
}
