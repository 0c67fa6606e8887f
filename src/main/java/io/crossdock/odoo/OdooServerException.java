package io.crossdock.odoo;

/** Odoo failed with an error that is neither transient nor a business refusal (a server-side bug, a bad argument). Not retried. */
public class OdooServerException extends OdooException {

    public OdooServerException(String message, String odooName) {
        super(message, odooName);
    }
}
