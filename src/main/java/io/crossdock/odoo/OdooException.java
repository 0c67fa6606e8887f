package io.crossdock.odoo;

/**
 * Something Odoo (or the way to it) refused. Subclasses say what kind of failure it is, which
 * decides whether it is retried; {@link #odooName()} is Odoo's own exception name when it sent one.
 */
public class OdooException extends RuntimeException {

    private final String odooName;

    public OdooException(String message, String odooName, Throwable cause) {
        super(message, cause);
        this.odooName = odooName;
    }

    public OdooException(String message, String odooName) {
        this(message, odooName, null);
    }

    public String odooName() {
        return odooName;
    }
}
