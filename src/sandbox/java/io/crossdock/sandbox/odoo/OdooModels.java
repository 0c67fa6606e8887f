package io.crossdock.sandbox.odoo;

import static io.crossdock.sandbox.odoo.FieldSpec.computedMany2many;
import static io.crossdock.sandbox.odoo.FieldSpec.many2many;
import static io.crossdock.sandbox.odoo.FieldSpec.many2one;
import static io.crossdock.sandbox.odoo.FieldSpec.of;
import static io.crossdock.sandbox.odoo.FieldSpec.one2many;
import static io.crossdock.sandbox.odoo.FieldSpec.selection;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The models a distributor's flows touch, with the field names and state values of one Odoo
 * major version (../shared/odoo-protocol.md, "The models a distributor's flows touch").
 */
final class OdooModels {

    private OdooModels() {
    }

    static Map<String, ModelSpec> forVersion(int version) {
        Map<String, ModelSpec> models = new LinkedHashMap<>();
        put(models, new ModelSpec("res.currency").add(of("name", "char").required(), of("symbol", "char")));
        put(models, new ModelSpec("res.company").add(of("name", "char").required(),
                many2one("partner_id", "res.partner"), many2one("currency_id", "res.currency").defaultsTo(1L),
                many2one("account_sale_tax_id", "account.tax")));
        put(models, new ModelSpec("res.users").add(of("name", "char").required(), of("login", "char").required(),
                many2one("partner_id", "res.partner"), many2one("company_id", "res.company"), many2many("company_ids", "res.company"),
                selection("lang", "en_US", "en_US"), selection("tz", "UTC", "UTC"), of("active", "boolean").defaultsTo(true)));
        if (version < 19) {
            put(models, new ModelSpec("res.partner.title").add(of("name", "char").required(), of("shortcut", "char")));
        }
        put(models, new ModelSpec("res.country").add(of("name", "char").required(), of("code", "char")));
        put(models, new ModelSpec("res.country.state").add(of("name", "char").required(), of("code", "char").required(),
                many2one("country_id", "res.country").required()));
        ModelSpec partner = new ModelSpec("res.partner").order("complete_name asc, id desc").add(
                of("name", "char").required(), of("complete_name", "char").readonly(), of("ref", "char"),
                of("vat", "char"), of("email", "char"), of("phone", "char"), of("mobile", "char"),
                many2one("title", "res.partner.title"), of("street", "char"), of("street2", "char"), of("city", "char"),
                of("zip", "char"), many2one("state_id", "res.country.state"), many2one("country_id", "res.country"),
                of("country_code", "char").readonly(), of("comment", "html"),
                of("is_company", "boolean"), many2one("parent_id", "res.partner"),
                selection("type", "contact", "contact", "invoice", "delivery", "other"),
                one2many("child_ids", "res.partner", "parent_id"), of("active", "boolean").defaultsTo(true),
                many2one("company_id", "res.company"), of("credit_limit", "float").defaultsTo(0.0),
                of("use_partner_credit_limit", "boolean"), of("credit", "monetary").readonly());
        if (version >= 19) {
            partner.remove("mobile").remove("title");
        }
        put(models, partner);
        put(models, new ModelSpec("uom.uom").add(of("name", "char").required()));
        put(models, new ModelSpec("account.tax").add(of("name", "char").required(), of("amount", "float")));
        put(models, new ModelSpec("delivery.carrier").add(of("name", "char").required()));
        ModelSpec product = new ModelSpec("product.product").order("default_code asc, name asc, id asc").add(
                of("name", "char").required(), of("default_code", "char"), of("barcode", "char"),
                of("list_price", "float"), of("standard_price", "float"), many2one("uom_id", "uom.uom"),
                many2many("taxes_id", "account.tax"),
                selection("invoice_policy", "order", "order", "delivery"),
                of("qty_available", "float").readonly(), of("virtual_available", "float").readonly(), of("free_qty", "float").readonly(),
                of("active", "boolean").defaultsTo(true));
        product.add(version >= 18
                ? selection("type", "consu", "consu", "service", "combo")
                : selection("type", "consu", "consu", "service", "product"));
        if (version >= 18) {
            product.add(of("is_storable", "boolean"));
        } else {
            product.add(selection("detailed_type", "consu", "consu", "service", "product"));
        }
        put(models, product);
        put(models, new ModelSpec("stock.location").recordName("complete_name").add(of("name", "char").required(),
                of("complete_name", "char"),
                selection("usage", "internal", "supplier", "view", "internal", "customer", "inventory")));
        put(models, new ModelSpec("stock.picking.type").add(of("name", "char").required(),
                selection("code", "outgoing", "incoming", "outgoing", "internal"), of("sequence_code", "char"),
                many2one("default_location_src_id", "stock.location"),
                many2one("default_location_dest_id", "stock.location")));

        String uomField = version >= 19 ? "product_uom_id" : "product_uom";
        String taxField = version >= 19 ? "tax_ids" : "tax_id";
        ModelSpec sale = new ModelSpec("sale.order").order("date_order desc, id desc").add(
                of("name", "char").readonly().defaultsTo("New"), many2one("partner_id", "res.partner").required(),
                many2one("partner_shipping_id", "res.partner"), many2one("partner_invoice_id", "res.partner"),
                of("client_order_ref", "char"), of("origin", "char"), of("date_order", "datetime"),
                of("commitment_date", "datetime"), of("note", "html"), many2one("company_id", "res.company"),
                one2many("order_line", "sale.order.line", "order_id"),
                of("amount_untaxed", "monetary").readonly(), of("amount_tax", "monetary").readonly(),
                of("amount_total", "monetary").readonly(), selection("invoice_status", "no", "upselling", "invoiced", "to invoice", "no"),
                selection("delivery_status", null, "pending", "started", "partial", "full"),
                one2many("picking_ids", "stock.picking", "sale_id"), many2many("invoice_ids", "account.move"),
                many2one("carrier_id", "delivery.carrier"), of("partner_credit_warning", "text").readonly());
        sale.add(version >= 17
                ? selection("state", "draft", "draft", "sent", "sale", "cancel")
                : selection("state", "draft", "draft", "sent", "sale", "done", "cancel"));
        if (version >= 17) {
            sale.add(of("locked", "boolean"));
        }
        put(models, sale);
        put(models, new ModelSpec("sale.order.line").order("order_id, sequence, id").add(
                many2one("order_id", "sale.order").required(), of("sequence", "integer").defaultsTo(10),
                many2one("product_id", "product.product"), of("name", "text"),
                of("product_uom_qty", "float").defaultsTo(1.0), many2one(uomField, "uom.uom"),
                of("price_unit", "float"), many2many(taxField, "account.tax"), of("discount", "float"),
                of("price_subtotal", "monetary").readonly(), of("qty_delivered", "float").readonly(),
                of("qty_invoiced", "float").readonly()));

        ModelSpec picking = new ModelSpec("stock.picking").order("priority desc, scheduled_date asc, id desc").add(
                of("name", "char").readonly(), many2one("partner_id", "res.partner"),
                many2one("picking_type_id", "stock.picking.type").required(),
                selection("picking_type_code", null, "incoming", "outgoing", "internal").readonly(),
                many2one("location_id", "stock.location"), many2one("location_dest_id", "stock.location"),
                selection("state", "draft", "draft", "waiting", "confirmed", "assigned", "done", "cancel"),
                of("origin", "char"), of("scheduled_date", "datetime"), of("date_done", "datetime").readonly(),
                selection("priority", "0", "0", "1"), many2one("carrier_id", "delivery.carrier"),
                of("carrier_tracking_ref", "char"), of("weight", "float"),
                one2many("move_ids", "stock.move", "picking_id"), many2one("sale_id", "sale.order"),
                many2one("purchase_id", "purchase.order"), many2one("backorder_id", "stock.picking"),
                many2one("return_id", "stock.picking"), of("date_deadline", "datetime"));
        if (version < 19) {
            picking.add(of("date", "datetime"));
        }
        put(models, picking);
        ModelSpec move = new ModelSpec("stock.move").order("sequence, id").add(
                of("name", "char"), of("sequence", "integer").defaultsTo(10),
                many2one("picking_id", "stock.picking"), many2one("product_id", "product.product").required(),
                of("product_uom_qty", "float").defaultsTo(0.0), many2one("product_uom", "uom.uom"),
                many2one("location_id", "stock.location"), many2one("location_dest_id", "stock.location"),
                selection("state", "draft", "draft", "waiting", "confirmed", "partially_available", "assigned",
                        "done", "cancel"),
                many2one("sale_line_id", "sale.order.line"), many2one("purchase_line_id", "purchase.order.line"));
        if (version >= 19) {
            move.remove("name");
        }
        if (version >= 17) {
            move.add(of("quantity", "float").defaultsTo(0.0), of("picked", "boolean"));
        } else {
            move.add(of("quantity_done", "float").defaultsTo(0.0), of("reserved_availability", "float").readonly());
        }
        put(models, move);
        ModelSpec moveLine = new ModelSpec("stock.move.line").recordName("id").order("location_id, location_dest_id, picking_id, id").add(
                many2one("picking_id", "stock.picking"), many2one("move_id", "stock.move"),
                many2one("product_id", "product.product"), many2one("product_uom_id", "uom.uom"),
                many2one("location_id", "stock.location"), many2one("location_dest_id", "stock.location"),
                of("lot_name", "char"), selection("state", "draft", "draft", "waiting", "confirmed", "partially_available",
                        "assigned", "done", "cancel").readonly());
        moveLine.add(version >= 17 ? of("quantity", "float") : of("qty_done", "float"));
        if (version >= 17) {
            moveLine.add(of("picked", "boolean"));
        }
        put(models, moveLine);
        put(models, new ModelSpec("stock.quant").recordName("id").add(
                many2one("product_id", "product.product").required(), many2one("location_id", "stock.location").required(),
                of("quantity", "float").readonly(), of("reserved_quantity", "float").readonly(),
                of("inventory_quantity", "float"), of("inventory_quantity_set", "boolean")));
        put(models, new ModelSpec("stock.backorder.confirmation").recordName("id").add(
                many2many("pick_ids", "stock.picking")));

        put(models, new ModelSpec("account.journal").add(of("name", "char").required(),
                selection("type", "general", "sale", "purchase", "cash", "bank", "general"), of("code", "char")));
        ModelSpec invoice = new ModelSpec("account.move").order("date desc, name desc, id desc").add(
                of("name", "char").readonly().defaultsTo("/"), many2one("partner_id", "res.partner"),
                selection("move_type", "entry", "entry", "out_invoice", "out_refund", "in_invoice", "in_refund"),
                selection("state", "draft", "draft", "posted", "cancel"), of("ref", "char"),
                of("invoice_origin", "char"), of("invoice_date", "date"), of("invoice_date_due", "date"),
                of("date", "date"), many2one("journal_id", "account.journal"),
                one2many("invoice_line_ids", "account.move.line", "move_id"),
                of("amount_untaxed", "monetary").readonly(), of("amount_tax", "monetary").readonly(),
                of("amount_total", "monetary").readonly(), of("amount_residual", "monetary").readonly(),
                many2one("currency_id", "res.currency").defaultsTo(1L), many2one("company_id", "res.company"),
                many2one(version >= 18 ? "origin_payment_id" : "payment_id", "account.payment"));
        if (version < 18) {
            invoice.add(of("to_check", "boolean"));
        }
        invoice.add(version >= 18
                ? selection("payment_state", "not_paid", "not_paid", "in_payment", "paid", "partial", "reversed",
                        "blocked", "invoicing_legacy")
                : selection("payment_state", "not_paid", "not_paid", "in_payment", "paid", "partial", "reversed",
                        "invoicing_legacy"));
        put(models, invoice);
        put(models, new ModelSpec("account.move.line").order("move_id, id").add(
                many2one("move_id", "account.move").required(), many2one("product_id", "product.product"),
                of("name", "char"), of("quantity", "float").defaultsTo(1.0), of("price_unit", "float"),
                of("discount", "float"), of("price_subtotal", "monetary").readonly(),
                many2many("tax_ids", "account.tax"), many2many("sale_line_ids", "sale.order.line")));
        ModelSpec payment = new ModelSpec("account.payment").order("date desc, name desc").add(
                of("name", "char").readonly(), many2one("partner_id", "res.partner"), of("amount", "monetary"),
                of("date", "date"), many2one("journal_id", "account.journal"),
                selection("payment_type", "inbound", "inbound", "outbound"),
                selection("partner_type", "customer", "customer", "supplier"));
        if (version >= 18) {
            payment.add(of("memo", "char"), many2many("invoice_ids", "account.move"),
                    selection("state", "draft", "draft", "in_process", "paid", "canceled", "rejected"));
        } else {
            payment.add(of("ref", "char"), many2many("reconciled_invoice_ids", "account.move"),
                    many2one("move_id", "account.move"), selection("state", "draft", "draft", "posted", "cancel"));
        }
        put(models, payment);
        put(models, new ModelSpec("account.payment.register").recordName("id").add(
                of("amount", "monetary"), of("payment_date", "date"), many2one("journal_id", "account.journal"),
                of("communication", "char"), many2one("partner_id", "res.partner"),
                many2many("line_ids", "account.move.line")));
        put(models, new ModelSpec("sale.advance.payment.inv").recordName("id").add(
                selection("advance_payment_method", "delivered", "delivered", "percentage", "fixed"),
                many2many("sale_order_ids", "sale.order")));

        ModelSpec purchase = new ModelSpec("purchase.order").order("priority desc, id desc").add(
                of("name", "char").readonly().defaultsTo("New"), many2one("partner_id", "res.partner").required(),
                of("partner_ref", "char"), of("origin", "char"), of("date_order", "datetime"),
                of("date_planned", "datetime"), selection("priority", "0", "0", "1"),
                one2many("order_line", "purchase.order.line", "order_id"),
                of("amount_untaxed", "monetary").readonly(), of("amount_tax", "monetary").readonly(),
                of("amount_total", "monetary").readonly(), computedMany2many("picking_ids", "stock.picking", "purchase_id"),
                many2one("company_id", "res.company"));
        purchase.add(version >= 19
                ? selection("state", "draft", "draft", "sent", "to approve", "purchase", "cancel")
                : selection("state", "draft", "draft", "sent", "to approve", "purchase", "done", "cancel"));
        if (version >= 19) {
            purchase.add(of("locked", "boolean"));
        }
        put(models, purchase);
        put(models, new ModelSpec("purchase.order.line").order("order_id, sequence, id").add(
                many2one("order_id", "purchase.order").required(), of("sequence", "integer").defaultsTo(10),
                many2one("product_id", "product.product"), of("name", "text"), of("product_qty", "float"),
                of("price_unit", "float"), of("qty_received", "float").readonly(),
                of("price_subtotal", "monetary").readonly(), of("date_planned", "datetime")));
        if (version < 19) {
            models.get("purchase.order.line").add(many2one("product_uom", "uom.uom"), many2many("taxes_id", "account.tax"));
        }
        return models;
    }

    private static void put(Map<String, ModelSpec> models, ModelSpec model) {
        models.put(model.name(), model);
    }
}
