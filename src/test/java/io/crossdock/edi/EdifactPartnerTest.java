package io.crossdock.edi;

import static io.crossdock.testing.KafkaTopicReader.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.crossdock.testing.DemoOrders;
import io.crossdock.testing.KafkaTestResource;
import io.crossdock.testing.KafkaTopicReader;
import io.crossdock.testing.OdooTestResource;
import io.crossdock.testing.PartnerSftpClient;
import io.crossdock.testing.SftpTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The EDIFACT partner demo-eu (mappings/sandbox/demo-eu.yaml) over SFTP: orders in, a CONTRL back for every interchange. */
@QuarkusTest
@org.junit.jupiter.api.Tag("odoo")
@WithTestResource(KafkaTestResource.class)
@WithTestResource(SftpTestResource.class)
@WithTestResource(OdooTestResource.class)
class EdifactPartnerTest {

    private static final Pattern OUR_REFERENCE = Pattern.compile("UNB\\+UNOC:3\\+5013546107732:14\\+5400110000009:14\\+[0-9:]+\\+([0-9]+)'");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void anEancomOrderIsReceivedAndAcknowledgedAndItsResendRefused() throws Exception {
        String reference = DemoOrders.interchange();
        String po = "EU-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT); // UNOA: capitals only
        byte[] file = Files.readString(Path.of("mappings/sandbox/samples/ORDERS-demo-eu.edi"), StandardCharsets.US_ASCII)
                .replace("000000101", reference).replace("DEMO-EU-PO-1001", po).getBytes(StandardCharsets.US_ASCII);
        try (var partner = PartnerSftpClient.demoPartner(); var orders = new KafkaTopicReader(bootstrap, "crossdock.orders")) {
            partner.put("eu/inbox/ORDERS-" + po + ".edi", file);

            ConsumerRecord<String, byte[]> received = await().atMost(Duration.ofSeconds(60)).until(() -> orders.records().stream()
                    .filter(r -> ("demo-eu/" + po).equals(header(r, "ce_subject"))).findFirst().orElse(null), r -> r != null);
            assertThat(header(received, "ce_type")).isEqualTo("io.crossdock.orders.OrderReceived.v1");
            assertThat(new String(received.value(), StandardCharsets.UTF_8)).contains("\"gtin\":\"061414110001\"").contains("\"GLN\"");
            String contrl = awaitFile(partner, "CONTRL-" + reference + "-");
            assertThat(contrl).contains("UNB+UNOA:3+5013546107732:14+5400110000009:14+")
                    .contains("UCI+" + reference + "+5400110000009:14+5013546107732:14+7'")
                    .contains("UCM+1+ORDERS:D:96A:UN:EAN008+7'");

            // Odoo accepted it: an ORDRSP goes back, and the partner's CONTRL for it is matched to it.
            String ordrsp = awaitFile(partner, "ORDRSP-" + po + "-");
            assertThat(ordrsp).contains("UNB+UNOC:3+5013546107732:14+5400110000009:14+").contains("UNH+1+ORDRSP:D:96A:UN:EAN005'")
                    .contains("BGM+231+").contains("RFF+ON:" + po + "'").contains("LIN+1+5+061414110001:EN'").contains("QTY+21:24:EA'");
            Matcher unb = OUR_REFERENCE.matcher(ordrsp);
            assertThat(unb.find()).as("the ORDRSP has a UNB").isTrue();
            String theirs = DemoOrders.interchange();
            partner.put("eu/inbox/CONTRL-" + po + ".edi", ("UNA:+.? 'UNB+UNOA:3+5400110000009:14+5013546107732:14+261122:1000+" + theirs
                    + "'UNH+1+CONTRL:D:3:UN'UCI+" + unb.group(1) + "+5013546107732:14+5400110000009:14+7'"
                    + "UCM+1+ORDRSP:D:96A:UN:EAN005+7'UNT+4+1'UNZ+1+" + theirs + "'").getBytes(StandardCharsets.US_ASCII));
            await().atMost(Duration.ofSeconds(60)).until(() -> timeline("demo-eu/" + po).contains("ACK_RECEIVED"));
            assertThat(descriptions("demo-eu/" + po, "ACK_RECEIVED")).singleElement().asString()
                    .startsWith("CONTRL from demo-eu: ORDRSP ORDRSP-" + po).endsWith("(group " + unb.group(1) + ", set 1) accepted");

            // Shipped and invoiced in Odoo: a DESADV and an INVOIC follow, each checked against its schema before it went out.
            String picking = OdooTestResource.odoo().ship(po, "1ZEU" + po.substring(3)).get(0);
            String desadv = awaitFile(partner, "DESADV-" + picking.replace('/', '_') + "-");
            assertThat(desadv).contains("UNH+1+DESADV:D:96A:UN:EAN005'").contains("BGM+351+" + picking + "+9'")
                    .contains("RFF+ON:" + po + "'").contains("RFF+CN:1ZEU" + po.substring(3) + "'").contains("CPS+1'")
                    .contains("LIN+1++061414110001:EN'").contains("QTY+12:24:");
            String invoice = (String) OdooTestResource.odoo().invoice(po).get("name");
            String invoic = awaitFile(partner, "INVOIC-" + invoice.replace('/', '_') + "-");
            assertThat(invoic).contains("UNH+1+INVOIC:D:96A:UN:EAN008'").contains("BGM+380+" + invoice + "+9'").contains("RFF+ON:" + po + "'")
                    .contains("QTY+47:24:").contains("UNS+S'").contains("MOA+86:");

            // The same interchange again: refused as a duplicate, and no second order.
            partner.put("eu/inbox/ORDERS-" + po + "-again.edi", file);
            await().atMost(Duration.ofSeconds(60)).until(() -> partner.list("eu/outbox").stream()
                    .filter(name -> name.startsWith("CONTRL-" + reference + "-")).count() == 2);
            assertThat(partner.list("eu/outbox").stream().filter(name -> name.startsWith("CONTRL-" + reference + "-"))
                    .map(name -> text(partner, "eu/outbox/" + name)).toList())
                    .anySatisfy(again -> assertThat(again).contains("UCI+" + reference + "+5400110000009:14+5013546107732:14+4+26+UNB+5'"));
            assertThat(orders.records().stream().filter(r -> ("demo-eu/" + po).equals(header(r, "ce_subject")))
                    .filter(r -> "io.crossdock.orders.OrderReceived.v1".equals(header(r, "ce_type")))).hasSize(1);
        }
    }

    @Test
    void aTruncatedInterchangeGoesToTheErrorFolderWithARefusingControlMessage() throws Exception {
        String name = "ORDERS-truncated-" + UUID.randomUUID().toString().substring(0, 8) + ".edi";
        // The conformance file with its own UNB reference, so the store (kept across runs) has not seen it.
        String reference = DemoOrders.interchange();
        byte[] truncated = Files.readString(EdiReaderConformanceTest.EDIFACT.resolve("ORDERS_D96A_una_decimal_comma_missing_unz.edi"),
                StandardCharsets.ISO_8859_1).replace("+081012:0255+807'", "+081012:0255+" + reference + "'").getBytes(StandardCharsets.ISO_8859_1);
        try (var partner = PartnerSftpClient.demoPartner()) {
            partner.put("eu/inbox/" + name, truncated);
            await().atMost(Duration.ofSeconds(60)).until(() -> partner.list("eu/error").contains(name));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(partner.list("eu/outbox").stream()
                    .filter(file -> file.startsWith("CONTRL-" + reference + "-")).map(file -> text(partner, "eu/outbox/" + file)).toList())
                    .anySatisfy(contrl -> assertThat(contrl).contains("UCI+" + reference + "+12345678:8+WBDZDD:ZZ+4+13+UNZ'")));
            List<String> stages = given().header("X-API-Key", "test-operator-key").get("/api/v1/track/" + name).then().statusCode(200)
                    .extract().jsonPath().getList("timeline.stage", String.class);
            assertThat(stages).contains("BUSINESS_EXCEPTION", "ACK_SENT");
        }
    }

    private static List<String> timeline(String key) {
        var answer = given().header("X-API-Key", "test-operator-key").get("/api/v1/track/" + key);
        return answer.statusCode() == 404 ? List.of() : answer.then().extract().jsonPath().getList("timeline.stage", String.class);
    }

    private static List<String> descriptions(String key, String stage) {
        return given().header("X-API-Key", "test-operator-key").get("/api/v1/track/" + key).then().statusCode(200).extract().jsonPath()
                .getList("timeline.findAll { it.stage == '" + stage + "' }.description", String.class);
    }

    private static String awaitFile(PartnerSftpClient partner, String prefix) {
        String name = await().atMost(Duration.ofSeconds(60)).until(() -> partner.list("eu/outbox").stream()
                .filter(file -> file.startsWith(prefix)).findFirst().orElse(null), file -> file != null);
        return text(partner, "eu/outbox/" + name);
    }

    private static String text(PartnerSftpClient partner, String path) {
        return new String(partner.get(path), StandardCharsets.ISO_8859_1);
    }
}
