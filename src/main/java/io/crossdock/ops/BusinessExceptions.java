package io.crossdock.ops;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import io.crossdock.canonical.ExchangeNames;
import org.apache.camel.Exchange;
import org.apache.camel.Handler;
import org.jboss.logging.Logger;

/**
 * A route's way to hand a case to a person: the exception's message (Odoo's own words for a
 * refused order, say) goes on the transaction's timeline as BUSINESS_EXCEPTION under its business
 * key, where support finds it. Routes call it from a doCatch: {@code bean: {ref: businessExceptions}}.
 */
@ApplicationScoped
@Named("businessExceptions")
public class BusinessExceptions {

    /** The business key the exception is filed under (PO number, picking name, ...). */

    private static final Logger LOG = Logger.getLogger(BusinessExceptions.class);

    private final Tracking tracking;

    public BusinessExceptions(Tracking tracking) {
        this.tracking = tracking;
    }

    @Handler
    public void record(Exchange exchange) throws java.sql.SQLException {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String reason = cause != null ? cause.getMessage() : exchange.getMessage().getBody(String.class);
        String key = exchange.getMessage().getHeader(ExchangeNames.BUSINESS_KEY, exchange.getExchangeId(), String.class);
        String system = exchange.getMessage().getHeader(ExchangeNames.SYSTEM, exchange.getFromRouteId(), String.class);
        String correlationId = exchange.getMessage().getHeader(ExchangeNames.CORRELATION_ID, key, String.class);
        raise(key, exchange.getMessage().getHeader("partner", String.class), system, reason, correlationId);
    }

    /** Files a case found outside a route (a missed deadline, say). */
    public void raise(String businessKey, String partner, String system, String reason, String correlationId)
            throws java.sql.SQLException {
        LOG.errorf("Business exception for %s (%s): %s", businessKey, system, reason);
        tracking.record(TrackingEntry.of("BUSINESS_EXCEPTION", system, reason, businessKey, partner, correlationId));
    }

    /** The same, inside the caller's transaction, so the case is filed exactly when the caller's change commits. */
    public void raise(java.sql.Connection tx, String businessKey, String partner, String system, String reason, String correlationId)
            throws java.sql.SQLException {
        LOG.errorf("Business exception for %s (%s): %s", businessKey, system, reason);
        tracking.record(tx, TrackingEntry.of("BUSINESS_EXCEPTION", system, reason, businessKey, partner, correlationId));
    }
}
