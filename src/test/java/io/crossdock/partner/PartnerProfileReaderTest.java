package io.crossdock.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.crossdock.edi.EdiProfileCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartnerProfileReaderTest {

    private final PartnerProfileReader reader = new PartnerProfileReader(Path.of("mappings"), List.of(new EdiProfileCheck()));

    @TempDir
    Path dir;

    @Test
    void theDemoPartnerProfileReads() {
        PartnerProfile demo = reader.read(Path.of("mappings/sandbox/demo.yaml"));
        assertThat(demo.id()).isEqualTo("demo");
        assertThat(demo.sftp().inboxOrDefault()).isEqualTo("inbox");
        assertThat(demo.sftp().knownHostsFile()).isNotBlank();
    }

    @Test
    void theDemoPartnersEdiProfileNamesExistingMappings() {
        PartnerProfile.Edi edi = reader.read(Path.of("mappings/sandbox/demo.yaml")).edi();
        assertThat(edi.standard()).isEqualTo("X12");
        assertThat(edi.knows("ZZ", "DEMO")).isTrue();
        assertThat(edi.acknowledgmentOrDefault()).isEqualTo("997");
        assertThat(edi.inboundOrNone()).containsKey("850");
    }

    @Test
    void anEdiProfileNamingAMissingMappingOrAnUnknownEventIsRefused() throws IOException {
        Path missing = write("acme.yaml", ediProfile("""
                  inbound:
                    "850": { event: OrderReceived, mapping: x12/no-such-mapping.jsonata }
                """));
        assertThatThrownBy(() -> reader.read(missing)).hasMessageContaining("x12/no-such-mapping.jsonata")
                .hasMessageContaining("not a file");
        Path unknownEvent = write("acme.yaml", ediProfile("""
                  inbound:
                    "850": { event: OrderReceivedd, mapping: x12/850-to-order.jsonata }
                """));
        assertThatThrownBy(() -> reader.read(unknownEvent)).hasMessageContaining("OrderReceivedd");
        Path badAck = write("acme.yaml", ediProfile("""
                  acknowledgment: "998"
                """));
        assertThatThrownBy(() -> reader.read(badAck)).hasMessageContaining("edi.acknowledgment '998'");
    }

    @Test
    void whatAPartnerIsSentMustBeADocumentOfItsStandardInACharacterSetWeWrite() throws IOException {
        Path x12Message = write("acme.yaml", ediProfile("""
                  outbound:
                    ORDRSP: { events: [OrderAccepted], mapping: edifact/order-ack-to-ORDRSP.jsonata }
                """));
        assertThatThrownBy(() -> reader.read(x12Message)).hasMessageContaining("edi.outbound.ORDRSP is no X12 transaction set we write");
        Path badCharset = write("acme.yaml", ediProfile("""
                  charset: UNOZ
                """).replace("standard: X12", "standard: EDIFACT"));
        assertThatThrownBy(() -> reader.read(badCharset)).hasMessageContaining("edi.charset 'UNOZ' must be one of [UNOA, UNOB, UNOC");
        Path badVersion = write("acme.yaml", ediProfile("""
                  outbound:
                    ORDRSP: { events: [OrderAccepted], mapping: edifact/order-ack-to-ORDRSP.jsonata, version: "96A" }
                """).replace("standard: X12", "standard: EDIFACT"));
        assertThatThrownBy(() -> reader.read(badVersion)).hasMessageContaining("version '96A' is not an EDIFACT message version");
        Path good = write("acme.yaml", ediProfile("""
                  outbound:
                    ORDRSP: { events: [OrderAccepted], mapping: edifact/order-ack-to-ORDRSP.jsonata }
                """).replace("standard: X12", "standard: EDIFACT"));
        PartnerProfile.Edi edi = reader.read(good).edi();
        assertThat(edi.charsetOrDefault()).isEqualTo("UNOC");
        assertThat(edi.outboundOrNone().get("ORDRSP").versionOr(edi.versionOrDefault())).isEqualTo("D:96A:UN");
    }

    @Test
    void anUnknownFieldIsNamedWithItsLine() throws IOException {
        Path file = write("acme.yaml", """
                id: acme
                sftp:
                  host: sftp.acme.example
                  username: crossdock
                  pasword: secret
                  knownHostsFile: /etc/known_hosts
                """);
        assertThatThrownBy(() -> reader.read(file))
                .isInstanceOf(InvalidPartnerProfileException.class)
                .hasMessageContaining("acme.yaml")
                .hasMessageContaining("field 'sftp.pasword'");
    }

    @Test
    void aMissingRequiredFieldIsNamed() throws IOException {
        Path file = write("acme.yaml", """
                id: acme
                sftp:
                  host: sftp.acme.example
                  username: crossdock
                  password: "{{env:ACME_PASSWORD}}"
                """);
        assertThatThrownBy(() -> reader.read(file)).hasMessageContaining("knownHostsFile");
    }

    @Test
    void credentialsMustBeExactlyAPasswordOrAKey() throws IOException {
        Path file = write("acme.yaml", """
                id: acme
                sftp:
                  host: sftp.acme.example
                  username: crossdock
                  knownHostsFile: /etc/known_hosts
                """);
        assertThatThrownBy(() -> reader.read(file)).hasMessageContaining("exactly one of 'password' or 'privateKeyFile'");
    }

    @Test
    void anIdMustBeUsableInRouteAndFolderNames() throws IOException {
        Path file = write("acme.yaml", profile("ACME Corp"));
        assertThatThrownBy(() -> reader.read(file)).hasMessageContaining("lower-case letters, digits and dashes");
    }

    @Test
    void twoProfilesCannotShareAnId() throws IOException {
        Path first = write("a.yaml", profile("acme"));
        Path second = write("b.yaml", profile("acme"));
        assertThatThrownBy(() -> reader.readAll(List.of(first, second)))
                .hasMessageContaining("b.yaml").hasMessageContaining("already used by").hasMessageContaining("a.yaml");
    }

    /** The acme profile with an X12 edi section ending in {@code rest}. */
    private static String ediProfile(String rest) {
        return profile("acme") + """
                edi:
                  standard: X12
                  identifiers: [{ qualifier: ZZ, id: ACME }]
                  us: { qualifier: ZZ, id: CROSSDOCK }
                """ + rest;
    }

    private static String profile(String id) {
        return """
                id: "%s"
                sftp:
                  host: sftp.acme.example
                  username: crossdock
                  password: "{{env:ACME_PASSWORD}}"
                  knownHostsFile: /etc/known_hosts
                """.formatted(id);
    }

    private Path write(String name, String yaml) throws IOException {
        return Files.writeString(dir.resolve(name), yaml);
    }
}
