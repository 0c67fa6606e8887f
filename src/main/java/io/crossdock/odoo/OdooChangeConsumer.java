package io.crossdock.odoo;

import java.time.Instant;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;

/**
 * {@code from: odoo:<model>}: every change of a record matching the endpoint's domain, once, as
 * the record's fields (body) with its model, id, write_date and how it was seen (headers). Polls
 * {@code write_date} every {@code delay} ms and takes webhook notifications in between.
 */
class OdooChangeConsumer extends ScheduledPollConsumer {

    private final OdooEndpoint endpoint;

    OdooChangeConsumer(OdooEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    OdooEndpoint endpoint() {
        return endpoint;
    }

    /** The durable name of this consumer's cursor and claims. */
    String key() {
        String name = endpoint.getCursor() != null ? endpoint.getCursor() : getRouteId();
        return endpoint.getConnection() + "/" + endpoint.model() + "/" + name;
    }

    @Override
    protected void doStart() throws Exception {
        endpoint.getComponent().changes().register(this);
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        endpoint.getComponent().changes().unregister(this);
        super.doStop();
    }

    @Override
    protected int poll() {
        return endpoint.getComponent().changes().poll(this);
    }

    /** Runs the route for one change; false when it failed (the change is then offered again). */
    boolean deliver(Map<String, Object> record, long id, Instant writeDate, String source) {
        Exchange exchange = createExchange(false);
        exchange.getMessage().setBody(record);
        exchange.getMessage().setHeader(OdooHeaders.MODEL, endpoint.model());
        exchange.getMessage().setHeader(OdooHeaders.ID, id);
        exchange.getMessage().setHeader(OdooHeaders.WRITE_DATE, writeDate);
        exchange.getMessage().setHeader(OdooHeaders.CHANGE_SOURCE, source);
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        boolean failed = exchange.isFailed();
        if (failed) {
            getExceptionHandler().handleException("The route failed on the change of " + endpoint.model() + " " + id
                    + "; it will be offered again", exchange, exchange.getException());
        }
        releaseExchange(exchange, false);
        return !failed;
    }
}
