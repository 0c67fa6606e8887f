package io.crossdock.odoo;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The configured Odoo connections, one client (and circuit breaker) each, and the {@code odoo} component that uses them. */
@ApplicationScoped
public class OdooConnections {

    public static final String DEFAULT = "default";

    private final OdooConfig config;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, OdooClient> clients = new ConcurrentHashMap<>();

    public OdooConnections(OdooConfig config) {
        this.config = config;
    }

    public OdooClient client(String name) {
        String key = name == null || name.isBlank() ? DEFAULT : name;
        return clients.computeIfAbsent(key, this::open);
    }

    public OdooClient client() {
        return client(DEFAULT);
    }

    /** Every configured connection: the default one and the named ones. */
    public java.util.List<OdooClient> all() {
        java.util.List<OdooClient> all = new java.util.ArrayList<>();
        all.add(client());
        config.connections().keySet().stream().sorted().forEach(name -> all.add(client(name)));
        return all;
    }

    private OdooClient open(String name) {
        OdooConnectionSettings settings = DEFAULT.equals(name) ? config : config.connections().get(name);
        if (settings == null) {
            throw new IllegalArgumentException("No Odoo connection named " + name + "; configure crossdock.odoo.connections."
                    + name + ".url (known: " + config.connections().keySet() + ")");
        }
        return new OdooClient(name, settings, config, json);
    }

    @Produces
    @Singleton
    @Named("odoo")
    OdooComponent odooComponent(OdooChangeCapture changes) {
        return new OdooComponent(this, changes);
    }
}
