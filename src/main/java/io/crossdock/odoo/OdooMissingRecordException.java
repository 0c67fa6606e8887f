package io.crossdock.odoo;

/** The record does not exist or was deleted (MissingError, HTTP 404). Not retried. */
public class OdooMissingRecordException extends OdooException {

    public OdooMissingRecordException(String message, String odooName) {
        super(message, odooName);
    }
}
