package io.crossdock.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.crossdock.sandbox.SftpServer;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Documents land whole under their own name, and a resend replaces the earlier file, whatever the server. */
class PartnerOutboxTest {

    @TempDir
    Path work;

    private SftpServer server;
    private CamelContext camel;

    @AfterEach
    void stop() throws Exception {
        if (camel != null) {
            camel.stop();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aResendReplacesTheFileOnAServerWithPosixRename() throws Exception {
        PartnerOutbox outbox = outboxOn(SftpServer.start(work.resolve("root"), "127.0.0.1", 0, Map.of("acme", "secret")));

        outbox.deliver(acme(), "855-1.edi", bytes("first"));
        outbox.deliver(acme(), "855-1.edi", bytes("second"));
        outbox.put(acme(), "errors", "850-bad.txt", bytes("why"));

        assertThat(Files.readString(outboxFolder().resolve("855-1.edi"))).isEqualTo("second");
        assertThat(Files.readString(server.home("acme").resolve("errors/850-bad.txt"))).isEqualTo("why");
        assertThat(outboxFolder()).isDirectoryNotContaining("glob:**.part");
    }

    @Test
    void aResendReplacesTheFileOnAServerThatWillNotRenameOverIt() throws Exception {
        PartnerOutbox outbox = outboxOn(SftpServer.start(work.resolve("root"), "127.0.0.1", 0, Map.of("acme", "secret"))
                .withoutPosixRename());

        outbox.deliver(acme(), "855-1.edi", bytes("first"));
        outbox.deliver(acme(), "855-1.edi", bytes("second"));
        outbox.deliver(acme(), "855-2.edi", bytes("other"));

        assertThat(Files.readString(outboxFolder().resolve("855-1.edi"))).isEqualTo("second");
        assertThat(Files.readString(outboxFolder().resolve("855-2.edi"))).isEqualTo("other");
        assertThat(outboxFolder()).isDirectoryNotContaining("glob:**.part");
    }

    private PartnerOutbox outboxOn(SftpServer started) throws Exception {
        server = started;
        camel = new DefaultCamelContext();
        camel.start();
        return new PartnerOutbox(camel, camel.createProducerTemplate());
    }

    private PartnerProfile acme() {
        Path knownHosts = server.writeKnownHosts(work.resolve("known_hosts"));
        return new PartnerProfile("acme", "Acme", new PartnerProfile.Sftp(server.host(), String.valueOf(server.port()), "acme",
                "secret", null, knownHosts.toString(), "inbox", "outbox", null, null), null);
    }

    private Path outboxFolder() {
        return server.home("acme").resolve("outbox");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
