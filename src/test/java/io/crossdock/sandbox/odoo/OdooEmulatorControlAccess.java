package io.crossdock.sandbox.odoo;

import java.util.Map;

/** What a person does in Odoo by hand, for tests in other packages (the sandbox does it over HTTP). */
public final class OdooEmulatorControlAccess {

    private OdooEmulatorControlAccess() {
    }

    public static Map<String, Object> invoice(OdooEmulator odoo, String po) {
        return OdooEmulatorControl.invoice(odoo, po);
    }

    public static Map<String, Object> ship(OdooEmulator odoo, String po, String trackingRef) {
        return OdooEmulatorControl.ship(odoo, po, trackingRef);
    }
}
