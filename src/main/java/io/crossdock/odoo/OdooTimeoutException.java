package io.crossdock.odoo;

/** Odoo did not answer within the configured timeout. Retried for reads and writes that are safe to repeat. */
public class OdooTimeoutException extends OdooTransportException {

    public OdooTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
