package io.crossdock.sandbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Settings of the embedded sandbox; every one can be overridden by an environment variable. */
@ConfigMapping(prefix = "crossdock.sandbox")
public interface SandboxConfig {

    @WithDefault("false")
    boolean enabled();

    @WithDefault("./sandbox-data")
    String dataDir();

    @WithDefault("9092")
    int kafkaPort();

    @WithName("inbound-topic")
    @WithDefault("${crossdock.topics.inbound-documents}")
    String inboundTopic();

    Sftp sftp();

    Odoo odoo();

    /** The emulated Odoo the sandbox runs instead of a real one. */
    interface Odoo {
        @WithDefault("8069")
        int port();

        /** The Odoo major version to behave as, 16 to 19 (19 speaks JSON-2). */
        @WithDefault("17")
        int version();

        @WithDefault("crossdock")
        String database();

        @WithDefault("integration@crossdock.io")
        String login();

        @WithDefault("sandbox-odoo-key")
        String apiKey();

        @WithDefault("mappings/sandbox/odoo/seed.yaml")
        String seed();

        /** The secret of the webhook the emulated Odoo calls when a delivery changes (crossdock.odoo.webhooks.sandbox). */
        @WithDefault("sandbox-webhook-secret")
        String webhookSecret();
    }

    interface Sftp {
        @WithDefault("127.0.0.1")
        String host();

        @WithDefault("2222")
        int port();

        @WithDefault("demo")
        String user();

        @WithDefault("demo")
        String password();

        @WithDefault("${crossdock.sandbox.data-dir}/sftp/known_hosts")
        String knownHosts();
    }
}
