package io.crossdock.odoo;

/** Odoo gave up after its own retries on a serialization failure, lock or deadlock (HTTP 409). Retried with backoff: the transaction was rolled back, so a retry cannot do anything twice. */
public class OdooConcurrencyException extends OdooException {

    public OdooConcurrencyException(String message, String odooName) {
        super(message, odooName);
    }
}
