package io.crossdock.sandbox.odoo;

import java.util.Map;

import io.crossdock.sandbox.odoo.OdooDatabase.Transaction;

/** What a fresh Odoo database holds before anyone uses it: the company, units, warehouse and journals. */
final class OdooSeed {

    private OdooSeed() {
    }

    static void into(Transaction tx) {
        tx.insert("res.currency", Map.of("name", "USD", "symbol", "$"));
        tx.insert("res.partner", Map.of("name", "Crossdock Demo Distribution", "is_company", true, "active", true,
                "type", "contact"));
        tx.insert("res.company", Map.of("name", "Crossdock Demo Distribution", "partner_id", 1L, "currency_id", 1L));
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
