package io.crossdock.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** The Kubernetes manifests under k8s/, parsed as YAML documents. */
public final class K8sManifests {

    private static final YAMLMapper YAML = new YAMLMapper();

    private K8sManifests() {
    }

    public static List<Path> files() {
        try (Stream<Path> files = Files.walk(Path.of("k8s"))) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<JsonNode> documents(Path file) {
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            List<JsonNode> all = new ArrayList<>();
            docs.forEachRemaining(all::add);
            return all;
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " is not valid YAML: " + e.getMessage(), e);
        }
    }

    /** The crossdock container of the base Deployment. */
    public static JsonNode container() {
        JsonNode deployment = documents(Path.of("k8s/base/deployment.yaml")).get(0);
        return deployment.at("/spec/template/spec/containers/0");
    }

    /** The HTTP paths of the container's startup, liveness and readiness probes. */
    public static List<String> probePaths() {
        JsonNode container = container();
        return Stream.of("startupProbe", "livenessProbe", "readinessProbe")
                .map(probe -> container.at("/" + probe + "/httpGet/path").asText())
                .toList();
    }
}
