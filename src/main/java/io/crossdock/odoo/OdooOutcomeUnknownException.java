package io.crossdock.odoo;

/**
 * A create or a business method timed out: Odoo may have committed it or not, and it has no
 * idempotency key, so the connector does not repeat it (a second {@code sale.order} is worse than a
 * late one). The route reconciles, for example by searching for the customer's PO number.
 */
public class OdooOutcomeUnknownException extends OdooTimeoutException {

    public OdooOutcomeUnknownException(String message, Throwable cause) {
        super(message, cause);
    }
}
