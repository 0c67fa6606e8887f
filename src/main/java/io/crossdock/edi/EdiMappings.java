package io.crossdock.edi;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Mappings and loop specs from {@code mappings/}, each read and compiled once. */
@ApplicationScoped
public class EdiMappings {

    private final Path root;
    private final Map<String, DocumentMapping> mappings = new ConcurrentHashMap<>();
    private final Map<String, LoopSpec> loops = new ConcurrentHashMap<>();

    public EdiMappings(@ConfigProperty(name = "crossdock.mappings.dir", defaultValue = "mappings") String root) {
        this.root = Path.of(root);
    }

    public DocumentMapping mapping(String path) {
        return mappings.computeIfAbsent(path, p -> DocumentMapping.read(root.resolve(p)));
    }

    public LoopSpec loops(String path) {
        return path == null ? LoopSpec.none() : loops.computeIfAbsent(path, p -> LoopSpec.read(root.resolve(p)));
    }
}
