package io.crossdock.odoo;

/** The integration user may not do this (AccessError, HTTP 403). Not retried: its rights must change. */
public class OdooAccessException extends OdooException {

    public OdooAccessException(String message, String odooName) {
        super(message, odooName);
    }
}
