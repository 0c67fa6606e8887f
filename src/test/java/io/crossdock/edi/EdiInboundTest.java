package io.crossdock.edi;

import static io.crossdock.testing.KafkaTopicReader.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItems;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.crossdock.testing.DemoOrders;
import io.crossdock.testing.KafkaTestResource;
import io.crossdock.testing.KafkaTopicReader;
import io.crossdock.testing.PartnerSftpClient;
import io.crossdock.testing.OdooTestResource;
import io.crossdock.testing.SftpTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The demo partner sends 850s over SFTP, as in the sandbox. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(SftpTestResource.class)
@WithTestResource(OdooTestResource.class)
class EdiInboundTest {

    static final String OPERATOR = "test-operator-key";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void anOrderFileBecomesAnOrderReceivedEventAndA997InThePartnersOutbox() throws Exception {
        String interchange = String.format("%09d", (long) (Math.random() * 999_999_999L));
        String po = "PO-" + UUID.randomUUID().toString().substring(0, 8);
        String name = "850-" + po + ".edi";
        try (var partner = PartnerSftpClient.demoPartner(); var orders = new KafkaTopicReader(bootstrap, "crossdock.orders")) {
            partner.put("inbox/" + name, sample(interchange, po, "20261122"));

            var event = await().atMost(Duration.ofSeconds(60)).until(() -> orders.records().stream()
                    .filter(r -> ("demo/" + po).equals(header(r, "ce_subject"))).toList(), list -> !list.isEmpty()).get(0);
            assertThat(header(event, "ce_type")).isEqualTo("io.crossdock.orders.OrderReceived.v1");
            assertThat(new String(event.value(), StandardCharsets.UTF_8)).contains("\"sku\":\"SKU-1001\"");
            String correlationId = header(event, "ce_correlationid");

            String ackName = "997-" + interchange + "-101.edi";
            await().atMost(Duration.ofSeconds(30)).until(() -> partner.list("outbox").contains(ackName));
            String ack = new String(partner.get("outbox/" + ackName), StandardCharsets.US_ASCII);
            assertThat(ack).contains("*ZZ*CROSSDOCK      *ZZ*DEMO           *").contains("AK1*PO*101~")
                    .contains("AK2*850*0001~").contains("AK5*A~").contains("AK9*A*1*1*1~");

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("X-API-Key", OPERATOR)
                    .get("/api/v1/track/" + po).then().statusCode(200)
                    .body("correlationIds", hasItems(correlationId))
                    .body("timeline.stage", hasItems("FILE_RECEIVED", "FILE_HANDED_ON", "EDI_INTERCHANGE", "ACK_SENT",
                            "EVENT_PUBLISHED")));

            // The partner sends the very same file again: the intake reports the file, the EDI stage the interchange.
            partner.put("inbox/" + name + ".again", sample(interchange, po, "20261122"));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("X-API-Key", OPERATOR)
                    .get("/api/v1/track/" + correlationId).then().statusCode(200)
                    .body("timeline.stage", hasItems("FILE_DUPLICATE", "DUPLICATE_INTERCHANGE")));

            // The partner resends the interchange (same ISA13, new timestamp): reported, not processed again.
            String resent = "850-" + po + "-resent.edi";
            partner.put("inbox/" + resent, sample(interchange, po, "20261123"));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("X-API-Key", OPERATOR)
                    .get("/api/v1/track/" + resent).then().statusCode(200)
                    .body("timeline.stage", hasItems("DUPLICATE_INTERCHANGE")));
            assertThat(orders.records().stream().filter(r -> ("demo/" + po).equals(header(r, "ce_subject")))
                    .filter(r -> "io.crossdock.orders.OrderReceived.v1".equals(header(r, "ce_type"))))
                    .as("one order, however often it is sent").hasSize(1);
            List<String> ta1s = await().atMost(Duration.ofSeconds(30)).until(() -> partner.list("outbox").stream()
                    .filter(f -> f.startsWith("TA1-" + interchange + "-")).toList(), list -> list.size() == 2);
            assertThat(ta1s).as("one TA1 for each resend").allSatisfy(ta1 -> assertThat(new String(
                    partner.get("outbox/" + ta1), StandardCharsets.US_ASCII)).contains("TA1*" + interchange + "*261122*0930*R*025~"));
        }
    }

    @Test
    void aFileThatIsNotEdiGoesToTheErrorFolderAsABusinessException() {
        String name = "garbage-" + UUID.randomUUID() + ".edi";
        try (var partner = PartnerSftpClient.demoPartner()) {
            partner.put("inbox/" + name, ("Dear supplier, please send 20 widgets. Regards, " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
            await().atMost(Duration.ofSeconds(60)).until(() -> partner.list("error").contains(name));
            assertThat(new String(partner.get("error/" + name), StandardCharsets.UTF_8)).startsWith("Dear supplier");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("X-API-Key", OPERATOR)
                    .get("/api/v1/track/" + name).then().statusCode(200)
                    .body("timeline.stage", hasItems("FILE_RECEIVED", "BUSINESS_EXCEPTION")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aTruncatedInterchangeGoesToTheErrorFolderWithARejectingTa1() throws Exception {
        String interchange = String.format("%09d", (long) (Math.random() * 999_999_999L));
        String name = "850-truncated-" + interchange + ".edi";
        String whole = new String(sample(interchange, "PO-CUT-" + interchange, "20261122"), StandardCharsets.US_ASCII);
        byte[] cut = whole.substring(0, whole.indexOf("PO1*2")).getBytes(StandardCharsets.US_ASCII);
        try (var partner = PartnerSftpClient.demoPartner()) {
            partner.put("inbox/" + name, cut);
            await().atMost(Duration.ofSeconds(60)).until(() -> partner.list("error").contains(name));
            String ta1 = await().atMost(Duration.ofSeconds(30)).until(() -> partner.list("outbox").stream()
                    .filter(f -> f.startsWith("TA1-" + interchange + "-")).findFirst(), java.util.Optional::isPresent).get();
            assertThat(new String(partner.get("outbox/" + ta1), StandardCharsets.US_ASCII)).contains("*R*023~");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("X-API-Key", OPERATOR)
                    .get("/api/v1/track/" + name).then().statusCode(200)
                    .body("timeline.stage", hasItems("FILE_RECEIVED", "ACK_SENT", "BUSINESS_EXCEPTION")));
        }
    }

    static byte[] sample(String interchange, String po, String date) {
        return DemoOrders.bytes(DemoOrders.x12(interchange, po, date));
    }

}
