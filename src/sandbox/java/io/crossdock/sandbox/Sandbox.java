package io.crossdock.sandbox;

import java.nio.file.Path;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.crossdock.sandbox.odoo.OdooEmulator;
import io.crossdock.sandbox.odoo.OdooSeedFile;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import org.apache.camel.quarkus.main.events.BeforeConfigure;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The one-command sandbox: a real Kafka broker, a real SFTP server with one demo partner
 * account and an emulated Odoo holding the demo customer and products, started in this JVM before any route, with their data under one folder so a restart
 * keeps it. Switched on only by the {@code sandbox} profile, and it refuses to run under
 * {@code prod}, so a production pod can never start it by accident.
 */
@ApplicationScoped
public class Sandbox {

    private static final Logger LOG = Logger.getLogger(Sandbox.class);

    private final SandboxConfig config;
    private final String httpPort;
    private KafkaBroker kafka;
    private SftpServer sftp;
    private OdooEmulator odoo;

    public Sandbox(SandboxConfig config, @ConfigProperty(name = "quarkus.http.port") String httpPort) {
        this.config = config;
        this.httpPort = httpPort;
    }

    void beforeRoutesAreMade(@Observes BeforeConfigure beforeConfigure) {
        if (!config.enabled()) {
            return;
        }
        if (ConfigUtils.getProfiles().contains("prod")) {
            throw new IllegalStateException("crossdock.sandbox.enabled=true under the prod profile: the sandbox"
                    + " never runs in production. Start it with the sandbox profile (see README).");
        }
        Path data = Path.of(config.dataDir()).toAbsolutePath().normalize();
        kafka = KafkaBroker.on(data.resolve("kafka"), "127.0.0.1", config.kafkaPort()).start();
        sftp = SftpServer.start(data.resolve("sftp"), config.sftp().host(), config.sftp().port(),
                Map.of(config.sftp().user(), config.sftp().password()));
        sftp.writeKnownHosts(Path.of(config.sftp().knownHosts()));
        SandboxConfig.Odoo odooConfig = config.odoo();
        odoo = OdooEmulator.start(new OdooEmulator.Settings(odooConfig.version(), "127.0.0.1", odooConfig.port(),
                odooConfig.database(), odooConfig.login(), odooConfig.apiKey()));
        OdooSeedFile.load(odoo, Path.of(odooConfig.seed()));
        // As an Odoo administrator would: an automation rule that tells the hub when a delivery changes.
        odoo.addWebhook("stock.picking", "on_write", "http://127.0.0.1:" + httpPort + "/webhooks/odoo/sandbox?secret="
                + odooConfig.webhookSecret(), java.util.List.of("name", "state", "write_date"));
    }

    void announce(@Observes StartupEvent started) {
        if (sftp == null) {
            return;
        }
        String user = config.sftp().user();
        LOG.infof("""

                ==== Crossdock sandbox is up ====
                  HTTP      http://localhost:%s  (health /q/health/ready, metrics /q/metrics)
                  SFTP      sftp -P %d %s@%s   password: %s   (drop files in inbox/, pick up from outbox/)
                  Kafka     %s   (topic %s)
                  Odoo      %s   (emulated Odoo %d; %s, database %s; ship an order: POST /emulator/ship {"po": "..."})
                  API       header X-API-Key: sandbox-operator-key   (e.g. GET /api/v1/track/<correlation id>)
                  Data      %s
                =================================
                """, httpPort, sftp.port(), user, sftp.host(), config.sftp().password(), kafka.bootstrapServers(),
                config.inboundTopic(), odoo.url(), odoo.version(), odoo.version() >= 19 ? "JSON-2" : "JSON-RPC", config.odoo().database(), Path.of(config.dataDir()).toAbsolutePath().normalize());
    }

    @PreDestroy
    void stop() {
        if (odoo != null) {
            odoo.close();
        }
        if (sftp != null) {
            sftp.close();
        }
        if (kafka != null) {
            kafka.stop();
        }
    }
}
