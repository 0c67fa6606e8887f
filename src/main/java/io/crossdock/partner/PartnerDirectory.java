package io.crossdock.partner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import io.quarkus.runtime.Startup;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The partner profiles this pod serves, read and checked once at start: a bad file stops the start. */
@Startup
@ApplicationScoped
public class PartnerDirectory {

    private final List<PartnerProfile> profiles;

    public PartnerDirectory(@ConfigProperty(name = "crossdock.partners.dirs") List<String> dirs,
            @ConfigProperty(name = "crossdock.mappings.dir", defaultValue = "mappings") String mappings,
            Instance<PartnerProfileCheck> checks) {
        this.profiles = new PartnerProfileReader(Path.of(mappings), checks.stream().toList()).readAll(profileFiles(dirs));
    }

    public List<PartnerProfile> all() {
        return profiles;
    }

    public Optional<PartnerProfile> find(String id) {
        return profiles.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    private static List<Path> profileFiles(List<String> dirs) {
        return dirs.stream().map(Path::of).flatMap(PartnerDirectory::yamlFilesIn).sorted().toList();
    }

    private static Stream<Path> yamlFilesIn(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InvalidPartnerProfileException("partner profile folder " + dir.toAbsolutePath()
                    + " does not exist (crossdock.partners.dirs)");
        }
        try (Stream<Path> files = Files.list(dir)) {
            // Profiles are *.yaml; the folder's kustomization.yml (k8s ConfigMap) is not a profile.
            return files.filter(f -> f.toString().endsWith(".yaml")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list partner profiles in " + dir, e);
        }
    }
}
