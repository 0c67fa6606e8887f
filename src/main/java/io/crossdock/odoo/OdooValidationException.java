package io.crossdock.odoo;

/** Odoo refused the data for a business reason (UserError, ValidationError, HTTP 422); {@link #getMessage()} is Odoo's message for the person who fixes it. Not retried. */
public class OdooValidationException extends OdooException {

    public OdooValidationException(String message, String odooName) {
        super(message, odooName);
    }
}
