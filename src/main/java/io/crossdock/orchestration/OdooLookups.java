package io.crossdock.orchestration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.crossdock.canonical.Address;
import io.crossdock.canonical.Party;
import io.crossdock.canonical.PartyIdentifier;
import io.crossdock.odoo.OdooHeaders;
import io.crossdock.odoo.OdooRef;
import org.apache.camel.ProducerTemplate;
import org.jboss.logging.Logger;

/**
 * What the flows ask Odoo, through the {@code odoo:} component like any route: records by id or
 * domain, parties in canonical form, and the Crossdock order behind an Odoo sale order.
 */
@ApplicationScoped
public class OdooLookups {

    private static final Logger LOG = Logger.getLogger(OdooLookups.class);
    private static final String ADDRESS_FIELDS = "name,ref,street,street2,city,zip,state_code,country_code";

    private final ProducerTemplate odoo;
    private final OrderLinks links;

    public OdooLookups(ProducerTemplate odoo, OrderLinks links) {
        this.odoo = odoo;
        this.links = links;
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> read(String model, Object ids, String fields) {
        return odoo.requestBodyAndHeader("odoo:" + model + "?operation=read&fields=" + fields, null, OdooHeaders.IDS, ids, List.class);
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> searchRead(String model, List<?> domain, String fields, int limit) {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put(OdooHeaders.DOMAIN, domain);
        if (limit > 0) {
            headers.put(OdooHeaders.LIMIT, limit);
        }
        return odoo.requestBodyAndHeaders("odoo:" + model + "?operation=search_read&fields=" + fields, null, headers, List.class);
    }

    public long create(String model, Map<String, Object> values) {
        return odoo.requestBody("odoo:" + model + "?operation=create", values, Long.class);
    }

    /**
     * An Odoo contact as a canonical party: known to the partner by its reference when it has one,
     * else by its Odoo id; with its address when asked.
     */
    public Party party(Party.Role role, String partner, Object contact, boolean withAddress) {
        if (!(contact instanceof OdooRef ref)) {
            return new Party(role, null, List.of(new PartyIdentifier(PartyIdentifier.Scheme.PARTNER, "unknown", partner)), null);
        }
        Map<String, Object> found = read("res.partner", List.of(ref.id()), withAddress ? ADDRESS_FIELDS : "name,ref").get(0);
        PartyIdentifier id = found.get("ref") != null
                ? new PartyIdentifier(PartyIdentifier.Scheme.PARTNER, (String) found.get("ref"), partner)
                : new PartyIdentifier(PartyIdentifier.Scheme.ODOO, String.valueOf(ref.id()), null);
        Address address = null;
        if (withAddress) {
            List<String> street = new ArrayList<>();
            for (String field : List.of("street", "street2")) {
                if (found.get(field) != null) {
                    street.add((String) found.get(field));
                }
            }
            address = new Address(street, (String) found.get("city"), (String) found.get("state_code"), (String) found.get("zip"),
                    (String) found.get("country_code"));
        }
        return new Party(role, (String) found.get("name"), List.of(id), address);
    }

    /** Our company, the seller on every invoice. */
    public Party company() {
        List<Map<String, Object>> companies = searchRead("res.company", List.of(), "name", 1);
        Object id = companies.isEmpty() ? "1" : companies.get(0).get("id");
        return new Party(Party.Role.SUPPLIER, companies.isEmpty() ? null : (String) companies.get(0).get("name"),
                List.of(new PartyIdentifier(PartyIdentifier.Scheme.ODOO, String.valueOf(id), null)), null);
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
