package io.crossdock.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.crossdock.testing.K8sManifests;
import org.junit.jupiter.api.Test;

/** kubectl is not needed to build: the manifests are checked as data. */
class K8sManifestsTest {

    @Test
    void everyManifestIsYamlWithAKind() {
        assertThat(K8sManifests.files()).isNotEmpty();
        for (Path file : K8sManifests.files()) {
            for (JsonNode doc : K8sManifests.documents(file)) {
                assertThat(doc.path("apiVersion").asText()).as(file + " apiVersion").isNotBlank();
                assertThat(doc.path("kind").asText()).as(file + " kind").isNotBlank();
            }
        }
    }

    @Test
    void probesUseTheHealthEndpointsOnTheHttpPort() {
        assertThat(K8sManifests.probePaths()).containsExactly("/q/health/started", "/q/health/live", "/q/health/ready");
        JsonNode container = K8sManifests.container();
        String port = container.at("/ports/0/name").asText();
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertThat(container.at("/" + probe + "/httpGet/port").asText()).as(probe).isEqualTo(port);
        }
        assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(8080);
    }

    @Test
    void theContainerHasResourceRequestsAndLimits() {
        JsonNode resources = K8sManifests.container().path("resources");
        for (String bound : List.of("requests", "limits")) {
            assertThat(resources.at("/" + bound + "/cpu").asText()).as(bound + " cpu").isNotBlank();
            assertThat(resources.at("/" + bound + "/memory").asText()).as(bound + " memory").isNotBlank();
        }
    }

    @Test
    void credentialsComeFromSecretsNeverFromTheManifest() {
        for (JsonNode env : K8sManifests.container().path("env")) {
            String name = env.path("name").asText();
            if (name.contains("PASSWORD") || name.contains("SECRET") || name.endsWith("_USER")) {
                assertThat(env.has("value")).as(name + " must not carry a literal value").isFalse();
                assertThat(env.at("/valueFrom/secretKeyRef/name").asText()).as(name).isNotBlank();
            }
        }
        assertThat(K8sManifests.files()).noneMatch(file -> K8sManifests.documents(file).stream()
                .anyMatch(doc -> "Secret".equals(doc.path("kind").asText())));
    }

    @Test
    void theRouteAndPartnerConfigMapsCarryEveryShippedFile() throws IOException {
        assertThat(generatedFiles(Path.of("routes"))).containsExactlyInAnyOrderElementsOf(shipped(Path.of("routes")));
        assertThat(generatedFiles(Path.of("mappings/partners")))
                .containsExactlyInAnyOrderElementsOf(shipped(Path.of("mappings/partners")));
        assertThat(generatedFiles(Path.of("mappings/x12")))
                .containsExactlyInAnyOrderElementsOf(shipped(Path.of("mappings/x12"), ".yaml", ".jsonata", ".xml"));
        assertThat(generatedFiles(Path.of("mappings/edifact")))
                .containsExactlyInAnyOrderElementsOf(shipped(Path.of("mappings/edifact"), ".yaml", ".jsonata", ".xml"));
        JsonNode base = K8sManifests.documents(Path.of("k8s/base/kustomization.yaml")).get(0);
        for (JsonNode resource : base.path("resources")) {
            assertThat(Path.of("k8s/base").resolve(resource.asText())).as("resource " + resource).exists();
        }
    }

    private static List<String> generatedFiles(Path dir) {
        JsonNode kustomization = K8sManifests.documents(dir.resolve("kustomization.yml")).get(0);
        List<String> files = new ArrayList<>();
        kustomization.at("/configMapGenerator/0/files").forEach(f -> files.add(f.asText()));
        return files;
    }

    private static List<String> shipped(Path dir, String... endings) throws IOException {
        List<String> wanted = endings.length == 0 ? List.of(".yaml") : List.of(endings);
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> wanted.stream().anyMatch(e -> f.toString().endsWith(e)))
                    .map(f -> dir.relativize(f).toString()).toList();
        }
    }
}
