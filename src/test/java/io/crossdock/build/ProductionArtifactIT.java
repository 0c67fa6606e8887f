package io.crossdock.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The production artifact (what {@code mvn package} leaves in target/quarkus-app, what the image
 * ships) carries no test double: not the Odoo emulator, the in-process Kafka broker or SFTP server,
 * nor the H2 store. They are the tests' and the sandbox build's alone.
 */
class ProductionArtifactIT {

    private static final Path APP = Path.of("target/quarkus-app");

    @Test
    void noSandboxClassIsPackaged() throws IOException {
        List<String> sandboxClasses;
        try (Stream<Path> jars = Files.list(APP.resolve("app"))) {
            sandboxClasses = jars.filter(jar -> jar.toString().endsWith(".jar")).flatMap(ProductionArtifactIT::entries)
                    .filter(entry -> entry.startsWith("io/crossdock/sandbox/")).toList();
        }
        assertThat(Files.isRegularFile(APP.resolve("quarkus-run.jar"))).as("the packaged application").isTrue();
        assertThat(sandboxClasses).isEmpty();
    }

    @Test
    void noBrokerSftpServerOrEmbeddedDatabaseIsPackaged() throws IOException {
        List<String> libraries;
        try (Stream<Path> jars = Files.list(APP.resolve("lib/main"))) {
            libraries = jars.map(jar -> jar.getFileName().toString()).toList();
        }
        assertThat(libraries).as("the application's libraries").isNotEmpty()
                // Kafka's client is the hub's; the rest of Kafka (broker, raft, storage, Scala) is the sandbox's broker.
                .noneMatch(name -> (name.startsWith("org.apache.kafka.") && !name.startsWith("org.apache.kafka.kafka-clients-"))
                        || name.startsWith("org.scala-lang.") || name.startsWith("org.apache.sshd.")
                        || name.startsWith("com.h2database.") || name.contains("quarkus-jdbc-h2"));
        assertThat(libraries).as("the production store's driver is there").anyMatch(name -> name.startsWith("org.postgresql."));
    }

    private static Stream<String> entries(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(java.util.zip.ZipEntry::getName).toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
