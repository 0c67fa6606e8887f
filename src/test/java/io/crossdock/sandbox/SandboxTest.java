package io.crossdock.sandbox;

import static io.crossdock.testing.KafkaTopicReader.header;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.crossdock.store.Store;
import io.crossdock.testing.KafkaTopicReader;
import io.crossdock.testing.PartnerSftpClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The sandbox profile brings its own broker, SFTP server and store: nothing outside the JVM. */
@QuarkusTest
@TestProfile(SandboxTest.SandboxProfile.class)
class SandboxTest {

    @Inject
    Store store;

    @Inject
    SandboxConfig sandbox;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "crossdock.topics.inbound-documents")
    String inboundTopic;

    @Test
    void aFileDroppedOnTheSandboxSftpArrivesOnItsKafkaWithTheEmbeddedStore() throws Exception {
        // Ready once every check passed, including the intake's first poll of the inbox.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                        .body("checks.find { it.name == 'odoo' }.data.default", org.hamcrest.Matchers.startsWith("UP Odoo 17")));
        try (Connection db = store.dataSource().getConnection()) {
            assertEquals("H2", db.getMetaData().getDatabaseProductName());
        }

        String name = "sandbox-" + UUID.randomUUID() + ".edi";
        try (var partner = PartnerSftpClient.connect("127.0.0.1", sandbox.sftp().port(), "demo", "demo");
                var inbound = new KafkaTopicReader(bootstrap, inboundTopic)) {
            partner.put("inbox/" + name, "UNA:+.? 'UNB+UNOC:3+DEMO+CROSSDOCK'".getBytes(StandardCharsets.UTF_8));
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    inbound.records().stream().anyMatch(r -> name.equals(header(r, "ce_filename"))));
            await().atMost(Duration.ofSeconds(15)).until(() -> !partner.list("inbox").contains(name));
        }
    }

    public static class SandboxProfile implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "sandbox";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                return Map.of(
                        // relative and starting with ./, like the default the sandbox command uses
                        "crossdock.sandbox.data-dir", "./target/sandbox-test-" + UUID.randomUUID(),
                        "crossdock.sandbox.kafka-port", String.valueOf(freePort()),
                        "crossdock.sandbox.sftp.port", String.valueOf(freePort()),
                        "crossdock.sandbox.odoo.port", String.valueOf(freePort()),
                        "crossdock.routes.reload.enabled", "false");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }
}
