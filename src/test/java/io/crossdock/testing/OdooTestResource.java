package io.crossdock.testing;

import java.util.Map;

import java.nio.file.Path;

import io.crossdock.sandbox.odoo.OdooEmulator;
import io.crossdock.sandbox.odoo.OdooSeedFile;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Two emulated Odoo servers in the test JVM, over real HTTP: Odoo 17 (JSON-RPC) as the default
 * connection, seeded like the sandbox's (the demo customer and products), and Odoo 19 (JSON-2) as
 * the connection named {@code odoo19}. Where Odoo runs, received orders go into it.
 */
public class OdooTestResource implements QuarkusTestResourceLifecycleManager {

    private static OdooEmulator odoo17;
    private static OdooEmulator odoo19;

    public static OdooEmulator odoo17() {
        return odoo17;
    }

    public static OdooEmulator odoo19() {
        return odoo19;
    }

    @Override
    public Map<String, String> start() {
        odoo17 = OdooEmulator.start(OdooEmulator.Settings.of(17));
        odoo19 = OdooEmulator.start(OdooEmulator.Settings.of(19));
        OdooEmulator.Settings s17 = odoo17.settings();
        OdooEmulator.Settings s19 = odoo19.settings();
        OdooSeedFile.load(odoo17, Path.of("mappings/sandbox/odoo/seed.yaml"));
        Map<String, String> config = new java.util.LinkedHashMap<>();
        config.put("crossdock.orders.to-odoo.enabled", "true");
        config.put("crossdock.shipments.from-odoo.enabled", "true");
        config.put("crossdock.invoices.from-odoo.enabled", "true");
        config.put("crossdock.orders.released.enabled", "true");
        // The Odoo test routes (src/test/resources/test-routes) run only where Odoo does.
        config.put("camel.main.routes-include-pattern", "file:routes/**/*.yaml,classpath:test-routes/*.yaml");
        config.put("crossdock.odoo.url", odoo17.url().toString());
        config.put("crossdock.odoo.database", s17.database());
        config.put("crossdock.odoo.login", s17.login());
        config.put("crossdock.odoo.api-key", s17.apiKey());
        config.put("crossdock.odoo.connections.odoo19.url", odoo19.url().toString());
        config.put("crossdock.odoo.connections.odoo19.database", s19.database());
        config.put("crossdock.odoo.connections.odoo19.login", s19.login());
        config.put("crossdock.odoo.connections.odoo19.api-key", s19.apiKey());
        return config;
    }

    @Override
    public void stop() {
        if (odoo17 != null) {
            odoo17.close();
        }
        if (odoo19 != null) {
            odoo19.close();
        }
    }
}
