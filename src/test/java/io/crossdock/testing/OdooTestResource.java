package io.crossdock.testing;

import java.nio.file.Path;
import java.util.Map;

import io.crossdock.sandbox.odoo.OdooEmulator;
import io.crossdock.sandbox.odoo.OdooSeedFile;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The Odoo servers of the tests, over real HTTP. The default connection is an emulated Odoo 17
 * (JSON-RPC) seeded like the sandbox's (the demo customer and products), or, when
 * {@code CROSSDOCK_REAL_ODOO_URL} names one (bin/real-odoo-test), a real Odoo server seeded by
 * {@code src/test/real-odoo/seed.py}; the connection named {@code odoo19} is an emulated Odoo 19
 * (JSON-2). Where Odoo runs, received orders go into it. Tests reach the default Odoo through
 * {@link #odoo()}, the same way on both; what only the emulator can do (inject faults) is behind
 * {@link #emulatorOnly(String)}.
 */
public class OdooTestResource implements QuarkusTestResourceLifecycleManager {

    private static OdooEmulator odoo17;
    private static OdooEmulator odoo19;
    private static TestOdoo odoo;

    /** The default connection's Odoo, emulated or real. */
    public static TestOdoo odoo() {
        return odoo;
    }

    /**
     * Skips (and so counts as skipped, with the reason) a test that needs the emulator's fault
     * injection or its internals, when the suite runs against a real Odoo.
     */
    public static void emulatorOnly(String why) {
        org.junit.jupiter.api.Assumptions.assumeFalse(odoo != null && odoo.real(), "needs the Odoo emulator: " + why);
    }

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
        odoo = TestOdoo.fromEnvironment().orElseGet(() -> new TestOdoo(odoo17.url(), s17.database(), s17.login(), s17.apiKey(), false));
        config.put("crossdock.odoo.url", odoo.url().toString());
        config.put("crossdock.odoo.database", odoo.database());
        config.put("crossdock.odoo.login", odoo.login());
        config.put("crossdock.odoo.api-key", odoo.apiKey());
        if (odoo.real()) {
            // A real server confirms an order or validates a delivery in about a second, not milliseconds.
            config.put("crossdock.odoo.timeout", "PT30S");
        }
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
