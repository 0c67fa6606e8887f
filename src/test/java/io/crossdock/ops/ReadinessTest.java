package io.crossdock.ops;

import static io.crossdock.testing.KafkaTopicReader.header;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import io.crossdock.testing.K8sManifests;
import io.crossdock.testing.KafkaTestResource;
import io.crossdock.testing.KafkaTopicReader;
import io.crossdock.testing.PartnerSftpClient;
import io.crossdock.testing.OdooTestResource;
import io.crossdock.testing.SftpTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(SftpTestResource.class)
@WithTestResource(OdooTestResource.class)
class ReadinessTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "crossdock.topics.inbound-documents")
    String inboundTopic;

    @Test
    void readyReportsKafkaTheStoreAndEverySftpEndpoint() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("kafka", "sftp", "Database connections health check")));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void everyKubernetesProbeAnswersOnTheRunningHub() {
        for (String path : K8sManifests.probePaths()) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().when().get(path).then().statusCode(200));
        }
    }

    @Test
    void metricsArePrometheusTextWithCamelRouteMetrics() {
        given().when().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("camel_exchanges_total"))
                .body(org.hamcrest.Matchers.containsString("routeId=\"intake-demo\""));
    }

    @Test
    void withoutKafkaTheHubIsNotReadyAndNoFileIsLost() throws Exception {
        String name = "while-kafka-down-" + UUID.randomUUID() + ".edi";
        byte[] content = ("ST*850*" + UUID.randomUUID() + "~").getBytes(StandardCharsets.UTF_8);
        var broker = KafkaTestResource.broker();
        try (var partner = PartnerSftpClient.demoPartner()) {
            broker.stop();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().when().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN")));

            partner.put("inbox/" + name, content);
            // Well past the time it takes to read a file: it must still be waiting in the inbox.
            await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(10))
                    .until(() -> partner.list("inbox").contains(name));
        } finally {
            broker.start();
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP")));
        try (var partner = PartnerSftpClient.demoPartner(); var inbound = new KafkaTopicReader(bootstrap, inboundTopic)) {
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    inbound.records().stream().anyMatch(r -> name.equals(header(r, "ce_filename"))));
            await().atMost(Duration.ofSeconds(15)).until(() -> !partner.list("inbox").contains(name));
            assertTrue(inbound.records().stream().filter(r -> name.equals(header(r, "ce_filename"))).count() == 1);
        }
    }
}
