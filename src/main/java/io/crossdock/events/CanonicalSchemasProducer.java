package io.crossdock.events;

import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.crossdock.canonical.CanonicalSchemas;

/** The hub's one set of canonical schemas, read and compiled once for every publisher and mapper. */
@ApplicationScoped
public class CanonicalSchemasProducer {

    @Produces
    @ApplicationScoped
    CanonicalSchemas schemas(EventBackboneConfig config) {
        return new CanonicalSchemas(Path.of(config.schemasDir()));
    }
}
