package io.crossdock.odoo;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * {@code odoo:<model>?operation=...}: Odoo's ORM as a Camel component. As a producer it runs one
 * operation per message; as a consumer ({@code from: odoo:<model>}) it delivers each change of the
 * model once, seen by Odoo's webhook or by polling {@code write_date}.
 */
public class OdooComponent extends DefaultComponent {

    private OdooConnections connections;
    private OdooChangeCapture changes;

    /** For Camel's component discovery outside the app (route file checks); the app produces the configured one. */
    public OdooComponent() {
    }

    public OdooComponent(OdooConnections connections, OdooChangeCapture changes) {
        this.connections = connections;
        this.changes = changes;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("An odoo endpoint names its model: odoo:sale.order?operation=create");
        }
        OdooEndpoint endpoint = new OdooEndpoint(uri, this, remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    OdooClient client(String connection) {
        if (connections == null) {
            connections = io.quarkus.arc.Arc.container().instance(OdooConnections.class).get();
        }
        return connections.client(connection);
    }

    OdooChangeCapture changes() {
        if (changes == null) {
            changes = io.quarkus.arc.Arc.container().instance(OdooChangeCapture.class).get();
        }
        return changes;
    }
}
