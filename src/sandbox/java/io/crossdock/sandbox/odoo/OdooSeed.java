package io.crossdock.sandbox.odoo;

import java.util.Map;

import io.crossdock.sandbox.odoo.OdooDatabase.Transaction;

/** What a fresh Odoo database holds before anyone uses it: the company, units, warehouse and journals. */
final class OdooSeed {

    private static final String[][] COUNTRIES = {
            {"US", "United States", "CA", "California", "IL", "Illinois", "NY", "New York", "TX", "Texas", "GA", "Georgia",
                    "OH", "Ohio", "NJ", "New Jersey", "PA", "Pennsylvania", "WA", "Washington", "FL", "Florida"},
            {"CA", "Canada", "ON", "Ontario", "QC", "Quebec", "BC", "British Columbia"},
            {"MX", "Mexico"}, {"DE", "Germany"}, {"FR", "France"}, {"GB", "United Kingdom"}, {"NL", "Netherlands"},
            {"BE", "Belgium"}, {"IT", "Italy"}, {"ES", "Spain"}, {"PL", "Poland"}, {"AT", "Austria"}, {"CH", "Switzerland"}};

    private OdooSeed() {
    }

    static void into(Transaction tx) {
        tx.insert("res.currency", Map.of("name", "USD", "symbol", "$"));
        tx.insert("res.users", Map.of("name", "OdooBot", "login", "__system__", "active", false));
        tx.insert("res.users", Map.of("name", "Crossdock integration", "login", "integration", "active", true));
        // Odoo loads every country and its states; these are the ones a North American or European
        // distributor's partners ship to most.
        for (String[] country : COUNTRIES) {
            long id = tx.insert("res.country", Map.of("name", country[1], "code", country[0]));
            for (int i = 2; i < country.length; i += 2) {
                tx.insert("res.country.state", Map.of("code", country[i], "name", country[i + 1], "country_id", id));
            }
        }
        tx.insert("res.partner", Map.of("name", "Crossdock Demo Distribution", "is_company", true, "active", true,
                "type", "contact"));
        // A fresh database's chart of accounts brings a default sale tax that every new product carries.
        long salesTax = tx.insert("account.tax", Map.of("name", "15%", "amount", 15.0));
        tx.insert("res.company", Map.of("name", "Crossdock Demo Distribution", "partner_id", 1L, "currency_id", 1L,
                "account_sale_tax_id", salesTax));
        tx.insert("uom.uom", Map.of("name", "Units"));
        tx.insert("stock.location", Map.of("name", "Stock", "complete_name", "WH/Stock", "usage", "internal"));
        tx.insert("stock.location", Map.of("name", "Customers", "complete_name", "Partners/Customers", "usage", "customer"));
        tx.insert("stock.location", Map.of("name", "Vendors", "complete_name", "Partners/Vendors", "usage", "supplier"));
        tx.insert("stock.picking.type", Map.of("name", "Receipts", "code", "incoming", "sequence_code", "IN",
                "default_location_src_id", 3L, "default_location_dest_id", 1L));
        tx.insert("stock.picking.type", Map.of("name", "Delivery Orders", "code", "outgoing", "sequence_code", "OUT",
                "default_location_src_id", 1L, "default_location_dest_id", 2L));
        tx.insert("account.journal", Map.of("name", "Customer Invoices", "type", "sale", "code", "INV"));
        tx.insert("account.journal", Map.of("name", "Bank", "type", "bank", "code", "BNK1"));
        tx.insert("delivery.carrier", Map.of("name", "UPS Ground"));
        tx.changes.clear();
    }
}
