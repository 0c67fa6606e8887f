package io.crossdock.odoo;

/**
 * Odoo could not be reached or answered from its proxy rather than itself (refused connection,
 * 502/503/504, a body that is not Odoo's). Retried with backoff; counts towards opening the
 * circuit breaker.
 */
public class OdooTransportException extends OdooException {

    public OdooTransportException(String message, Throwable cause) {
        super(message, null, cause);
    }
}
