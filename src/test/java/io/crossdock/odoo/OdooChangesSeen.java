package io.crossdock.odoo;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;

/** What the test routes consuming Odoo changes received, in order. */
@ApplicationScoped
@Named("odooChangesSeen")
public class OdooChangesSeen {

    public record Seen(String route, String model, long id, String source, Map<String, Object> record) {
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    @SuppressWarnings("unchecked")
    public void add(Exchange exchange) {
        seen.add(new Seen(exchange.getFromRouteId(), exchange.getMessage().getHeader(OdooHeaders.MODEL, String.class),
                exchange.getMessage().getHeader(OdooHeaders.ID, Long.class),
                exchange.getMessage().getHeader(OdooHeaders.CHANGE_SOURCE, String.class), exchange.getMessage().getBody(Map.class)));
    }

    public List<Seen> of(String route, long id) {
        return seen.stream().filter(s -> s.route().equals(route) && s.id() == id).toList();
    }

    public List<Seen> withId(long id) {
        return seen.stream().filter(s -> s.id() == id).toList();
    }
}
