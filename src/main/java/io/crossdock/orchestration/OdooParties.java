package io.crossdock.orchestration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.crossdock.canonical.Address;
import io.crossdock.canonical.Party;
import io.crossdock.canonical.PartyIdentifier;
import io.crossdock.odoo.OdooRef;

/** Odoo contacts and companies as canonical parties, for the documents the flows send. */
@ApplicationScoped
public class OdooParties {

    private static final String ADDRESS_FIELDS = "name,ref,street,street2,city,zip,state_id,country_id";

    private final OdooLookups odoo;
    private final OdooGeography geography;

    public OdooParties(OdooLookups odoo, OdooGeography geography) {
        this.odoo = odoo;
        this.geography = geography;
    }

    /**
     * An Odoo contact as a canonical party: known to the partner by its reference when it has one,
     * else by its Odoo id; with its address when asked.
     */
    public Party party(Party.Role role, String partner, Object contact, boolean withAddress) {
        if (!(contact instanceof OdooRef ref)) {
            return new Party(role, null, List.of(new PartyIdentifier(PartyIdentifier.Scheme.PARTNER, "unknown", partner)), null);
        }
        Map<String, Object> found = odoo.read("res.partner", List.of(ref.id()), withAddress ? ADDRESS_FIELDS : "name,ref").get(0);
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
            address = new Address(street, (String) found.get("city"), geography.code("res.country.state", found.get("state_id")),
                    (String) found.get("zip"), geography.code("res.country", found.get("country_id")));
        }
        return new Party(role, (String) found.get("name"), List.of(id), address);
    }

    /**
     * The company that issued an invoice, the seller on it: the move's own {@code company_id}, since
     * a database with several companies invoices from each.
     */
    public Party company(Object companyId) {
        OdooRef ref = companyId instanceof OdooRef known ? known : null;
        String name = ref != null ? ref.name() : null;
        if (ref == null) {
            List<Map<String, Object>> companies = odoo.searchRead("res.company", List.of(), "name", 1);
            name = companies.isEmpty() ? null : (String) companies.get(0).get("name");
            ref = new OdooRef(companies.isEmpty() ? 1 : ((Number) companies.get(0).get("id")).longValue(), name);
        }
        return new Party(Party.Role.SUPPLIER, name, List.of(new PartyIdentifier(PartyIdentifier.Scheme.ODOO, String.valueOf(ref.id()), null)),
                null);
    }
}
