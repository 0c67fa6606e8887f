package io.crossdock.orchestration;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.crossdock.odoo.OdooRequests;
import org.jboss.logging.Logger;

/**
 * What the order flows ask Odoo: records by id or domain (through the {@code odoo:} component, as
 * {@link OdooRequests} asks it), and the Crossdock order behind an Odoo sale order.
 */
@ApplicationScoped
public class OdooLookups {

    private static final Logger LOG = Logger.getLogger(OdooLookups.class);

    private final OdooRequests odoo;
    private final OrderLinks links;

    public OdooLookups(OdooRequests odoo, OrderLinks links) {
        this.odoo = odoo;
        this.links = links;
    }

    public List<Map<String, Object>> read(String model, Object ids, String fields) {
        return odoo.read(model, ids, fields);
    }

    public List<Map<String, Object>> searchRead(String model, List<?> domain, String fields, int limit) {
        return odoo.searchRead(model, domain, fields, limit);
    }

    public long create(String model, Map<String, Object> values) {
        return odoo.create(model, values);
    }

    /**
     * The Crossdock order behind the sale order the domain finds, if Crossdock placed it and Odoo
     * still knows it by that PO (not so after Odoo was restored from a backup and reused the id).
     */
    public Optional<OrderLinks.Link> linkedOrder(List<?> saleOrder) throws java.sql.SQLException {
        List<Map<String, Object>> found = searchRead("sale.order", saleOrder, "name,client_order_ref", 1);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> order = found.get(0);
        Optional<OrderLinks.Link> link = links.byOdooOrder(((Number) order.get("id")).longValue());
        if (link.isPresent() && !link.get().poNumber().equals(order.get("client_order_ref"))) {
            LOG.warnf("Odoo sale order %s (%s) was PO %s of %s to Crossdock but Odoo now calls it %s (restored from a backup?);"
                    + " nothing is sent for it", order.get("name"), order.get("id"), link.get().poNumber(), link.get().partner(),
                    order.get("client_order_ref"));
            return Optional.empty();
        }
        return link;
    }
}
