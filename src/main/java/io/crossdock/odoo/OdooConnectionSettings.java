package io.crossdock.odoo;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.WithDefault;

/** Where one Odoo is and how to talk to it; see {@link OdooConfig}. */
public interface OdooConnectionSettings {
    /** Odoo's base URL, e.g. https://erp.example.com. */
    Optional<URI> url();

    @WithDefault("odoo")
    String database();

    Optional<String> login();

    /** An API key of the integration user (Odoo 14+; required by JSON-2 on 19). */
    Optional<String> apiKey();

    /** {@code auto} (JSON-2 on 19 and later, JSON-RPC before), {@code json-rpc} or {@code json-2}. */
    @WithDefault("auto")
    String protocol();

    /** {@code auto} (asked from Odoo on first use) or the major version, 16 to 19. */
    @WithDefault("auto")
    String version();

    @WithDefault("en_US")
    String lang();

    @WithDefault("UTC")
    String tz();

    /** Sent as {@code allowed_company_ids}; empty means the user's default company. */
    Optional<List<Long>> companyIds();

    @WithDefault("PT30S")
    Duration timeout();
}
