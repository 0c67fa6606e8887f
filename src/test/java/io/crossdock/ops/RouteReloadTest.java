package io.crossdock.ops;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import io.crossdock.testing.KafkaTestResource;
import io.crossdock.testing.SftpTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** An integration engineer edits a YAML route while the hub runs, as in the sandbox. */
@QuarkusTest
@TestProfile(RouteReloadTest.LiveRoutes.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(SftpTestResource.class)
class RouteReloadTest {

    static final Path ROUTES = Path.of("target", "live-routes");
    static final Path PROBE = ROUTES.resolve("probe").resolve("reload-probe.yaml");

    @Inject
    RouteReloading reloading;

    @Inject
    org.apache.camel.CamelContext camel;

    @Test
    void anEditedRouteChangesBehaviourAndABrokenEditLeavesTheOldRouteRunning() throws Exception {
        given().get("/reload-probe").then().statusCode(200).body(equalTo("v1"));
        org.apache.camel.Route intake = camel.getRoute("intake-demo");

        Files.writeString(PROBE, probeRoute("v2"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/reload-probe").then().statusCode(200).body(equalTo("v2")));

        Files.writeString(PROBE, probeRoute("v3").replace("setBody:", "setBodyy:"));
        List<RouteProblem> refusal = await().atMost(Duration.ofSeconds(30))
                .until(reloading::lastRefusal, problems -> !problems.isEmpty());
        assertEquals(1, refusal.size());
        assertTrue(refusal.get(0).toString().contains("reload-probe.yaml:6"), refusal.toString());
        given().get("/reload-probe").then().statusCode(200).body(equalTo("v2"));

        Files.writeString(PROBE, probeRoute("v4").replace("constant: v4", "constant: v4\n        - to: \"kafak:x\""));
        await().atMost(Duration.ofSeconds(30)).until(() -> reloading.lastRefusal().stream()
                .anyMatch(p -> p.message().contains("unknown endpoint scheme 'kafak'")));
        given().get("/reload-probe").then().statusCode(200).body(equalTo("v2"));

        Files.writeString(PROBE, probeRoute("v5"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/reload-probe").then().statusCode(200).body(equalTo("v5")));
        assertTrue(reloading.lastRefusal().isEmpty());
        assertTrue(camel.getRoute("intake-demo") == intake, "editing another route leaves the intake polling");

        Path template = ROUTES.resolve("intake").resolve("sftp-intake.yaml");
        Files.writeString(template, Files.readString(template) + "\n# edited\n");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                camel.getRoute("intake-demo") != null && camel.getRoute("intake-demo") != intake);
    }

    static String probeRoute(String answer) {
        return """
                - route:
                    id: reload-probe
                    from:
                      uri: "platform-http:/reload-probe"
                      steps:
                        - setBody:
                            constant: %s
                """.formatted(answer);
    }

    public static class LiveRoutes implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            copyShippedRoutes();
            return Map.of(
                    "crossdock.routes.directory", ROUTES.toString(),
                    "crossdock.routes.reload.enabled", "true");
        }

        private static void copyShippedRoutes() {
            try {
                Files.createDirectories(PROBE.getParent());
                try (Stream<Path> files = Files.walk(Path.of("routes"))) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        Path target = ROUTES.resolve(Path.of("routes").relativize(file));
                        Files.createDirectories(target.getParent());
                        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                Files.writeString(PROBE, probeRoute("v1"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
