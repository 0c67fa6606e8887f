package io.crossdock.odoo;

/** The circuit breaker is open after too many transport failures: Odoo is not called until it half-opens. */
public class OdooUnavailableException extends OdooException {

    public OdooUnavailableException(String message, Throwable cause) {
        super(message, null, cause);
    }
}
