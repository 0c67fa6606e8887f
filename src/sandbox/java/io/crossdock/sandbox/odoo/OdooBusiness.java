package io.crossdock.sandbox.odoo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.crossdock.sandbox.odoo.OdooDatabase.Transaction;

/**
 * Odoo's business behaviour for the models the flows touch, as its RPC methods reach it: defaults,
 * names from sequences, stored and read-time computed fields, and the sales and purchase
 * transitions ({@code action_confirm}, {@code button_confirm}, locking); inventory is
 * {@link OdooStock}'s, accounting {@link OdooAccounting}'s. Field names follow the emulated version.
 */
final class OdooBusiness {

    private OdooStock stock;
    private OdooAccounting accounting;

    void use(OdooOrm orm) {
        this.stock = new OdooStock(orm);
        this.accounting = new OdooAccounting(orm);
    }

    /** Business methods callable over RPC, by model; every one takes record ids. */
    static final Map<String, List<String>> METHODS = Map.of(
            "sale.order", List.of("action_confirm", "action_cancel", "action_draft", "action_lock", "action_unlock"),
            "purchase.order", List.of("button_confirm", "button_cancel"),
            "stock.picking", List.of("action_confirm", "action_assign", "button_validate", "action_cancel"),
            "stock.backorder.confirmation", List.of("process", "process_cancel_backorder"),
            "stock.quant", List.of("action_apply_inventory"),
            "account.move", List.of("action_post", "button_draft", "button_cancel"),
            "account.payment.register", List.of("action_create_payments"),
            "sale.advance.payment.inv", List.of("create_invoices"));

    Object call(Transaction tx, String model, String method, List<Long> ids) {
        return switch (model + "/" + method) {
            case "sale.order/action_confirm" -> confirmSale(tx, ids);
            case "sale.order/action_cancel" -> each(tx, model, ids, id -> cancelSale(tx, id));
            case "sale.order/action_draft" -> each(tx, model, ids, id -> tx.update(model, id, Map.of("state", "draft")));
            case "sale.order/action_lock" -> each(tx, model, ids, id -> lock(tx, model, id, true));
            case "sale.order/action_unlock" -> each(tx, model, ids, id -> lock(tx, model, id, false));
            case "purchase.order/button_confirm" -> each(tx, model, ids, id -> confirmPurchase(tx, id));
            case "purchase.order/button_cancel" -> each(tx, model, ids, id -> tx.update(model, id, Map.of("state", "cancel")));
            case "stock.picking/action_confirm" -> each(tx, model, ids, id -> tx.update(model, id, Map.of("state", "confirmed")));
            case "stock.picking/action_assign" -> each(tx, model, ids, id -> stock.reserve(tx, id));
            case "stock.picking/button_validate" -> stock.validate(tx, ids);
            case "stock.picking/action_cancel" -> each(tx, model, ids, id -> tx.update(model, id, Map.of("state", "cancel")));
            case "stock.backorder.confirmation/process" -> stock.backorderWizard(tx, ids, false);
            case "stock.backorder.confirmation/process_cancel_backorder" -> stock.backorderWizard(tx, ids, true);
            case "stock.quant/action_apply_inventory" -> stock.applyInventory(tx, ids);
            case "account.move/action_post" -> each(tx, model, ids, id -> accounting.post(tx, id));
            case "account.move/button_draft" -> each(tx, model, ids, id -> tx.update(model, id, Map.of("state", "draft")));
            case "account.move/button_cancel" -> each(tx, model, ids, id -> tx.update(model, id, Map.of("state", "cancel")));
            case "account.payment.register/action_create_payments" -> accounting.registerPayments(tx, ids);
            case "sale.advance.payment.inv/create_invoices" -> accounting.createInvoices(tx, ids);
            default -> throw OdooFault.notFound("The method '" + method + "' does not exist on the model '" + model + "'");
        };
    }

    static boolean exists(String model, String method) {
        return METHODS.getOrDefault(model, List.of()).contains(method);
    }

    // ---------- defaults, computed fields, names ----------

    Map<String, Object> defaults(Transaction tx, String model, Map<String, Object> vals) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        switch (model) {
            case "sale.order" -> {
                defaults.put("name", tx.nextName(model, "S%05d"));
                defaults.put("date_order", tx.now);
                defaults.put("company_id", 1L);
                if (tx.version() >= 17) {
                    defaults.put("locked", false);
                }
            }
            case "purchase.order" -> {
                defaults.put("name", tx.nextName(model, "P%05d"));
                defaults.put("date_order", tx.now);
                defaults.put("company_id", 1L);
            }
            case "sale.order.line" -> {
                defaults.put(uomField(tx), 1L);
                if (vals.get("product_id") instanceof Number product) {
                    Map<String, Object> found = tx.get("product.product", product.longValue());
                    defaults.put("name", found.get("name"));
                    defaults.put("price_unit", found.getOrDefault("list_price", 0.0));
                    defaults.put(taxField(tx), Transaction.ids(found.get("taxes_id")));
                }
            }
            case "product.product" -> {
                Object salesTax = tx.get("res.company", 1L).get("account_sale_tax_id");
                defaults.put("taxes_id", salesTax == null ? List.of() : List.of(salesTax));
            }
            case "stock.picking" -> {
                if (vals.get("picking_type_id") instanceof Number type) {
                    Map<String, Object> pickingType = tx.get("stock.picking.type", type.longValue());
                    defaults.put("picking_type_code", pickingType.get("code"));
                    defaults.put("location_id", pickingType.get("default_location_src_id"));
                    defaults.put("location_dest_id", pickingType.get("default_location_dest_id"));
                    defaults.put("name", tx.nextName("picking." + pickingType.get("sequence_code"),
                            "WH/" + pickingType.get("sequence_code") + "/%05d"));
                }
                defaults.put("scheduled_date", tx.now);
            }
            case "account.move" -> {
                defaults.put("date", tx.today());
                defaults.put("journal_id", 1L);
                defaults.put("company_id", 1L);
            }
            case "account.payment.register" -> defaults.putAll(accounting.paymentRegisterDefaults(tx));
            case "sale.advance.payment.inv" -> defaults.put("sale_order_ids", activeIds(tx, "sale.order"));
            case "stock.backorder.confirmation" -> {
                if (tx.context.get("button_validate_picking_ids") != null) {
                    defaults.put("pick_ids", Transaction.ids(tx.context.get("button_validate_picking_ids")));
                }
            }
            default -> {
            }
        }
        return defaults;
    }

    void afterWrite(Transaction tx, String model, long id) {
        Map<String, Object> record = tx.get(model, id);
        switch (model) {
            case "sale.order.line", "purchase.order.line", "account.move.line" -> {
                double quantity = number(record.get(model.equals("purchase.order.line") ? "product_qty"
                        : model.equals("sale.order.line") ? "product_uom_qty" : "quantity"));
                double subtotal = round(quantity * number(record.get("price_unit")) * (1 - number(record.get("discount")) / 100));
                if (!Objects.equals(record.get("price_subtotal"), subtotal)) {
                    tx.update(model, id, Map.of("price_subtotal", subtotal));
                }
                String parent = model.equals("account.move.line") ? "move_id" : "order_id";
                String parentModel = model.equals("account.move.line") ? "account.move"
                        : model.equals("sale.order.line") ? "sale.order" : "purchase.order";
                if (record.get(parent) != null) {
                    recomputeTotals(tx, parentModel, (Long) record.get(parent));
                }
            }
            case "res.partner" -> {
                String complete = displayName(tx, model, record);
                Map<String, Object> computed = new LinkedHashMap<>();
                computed.put("complete_name", complete == null ? record.get("name") : complete);
                // country_code is related to country_id.code, so writing it alone changes nothing.
                computed.put("country_code", record.get("country_id") instanceof Long country ? tx.get("res.country", country).get("code") : null);
                computed.entrySet().removeIf(entry -> Objects.equals(record.get(entry.getKey()), entry.getValue()));
                if (!computed.isEmpty()) {
                    tx.update(model, id, computed);
                }
            }
            case "sale.order" -> {
                Map<String, Object> changes = new LinkedHashMap<>();
                if (record.get("partner_shipping_id") == null) {
                    changes.put("partner_shipping_id", address(tx, record.get("partner_id"), "delivery"));
                }
                if (record.get("partner_invoice_id") == null) {
                    changes.put("partner_invoice_id", address(tx, record.get("partner_id"), "invoice"));
                }
                if (!changes.isEmpty()) {
                    tx.update(model, id, changes);
                }
            }
            default -> {
            }
        }
    }

    void beforeUnlink(Transaction tx, String model, Map<String, Object> record) {
        if (model.equals("sale.order") && !List.of("draft", "cancel").contains(record.get("state"))) {
            throw OdooFault.userError("You can not delete a sent quotation or a confirmed sales order. You must first cancel it.");
        }
        if (model.equals("account.move") && "posted".equals(record.get("state"))) {
            throw OdooFault.userError("You cannot delete an entry which has been posted once.");
        }
    }

    /** Fields computed when read rather than stored (as Odoo's non-stored computed fields). */
    java.util.Set<String> computedOnRead(String model) {
        return switch (model) {
            case "product.product" -> java.util.Set.of("qty_available", "virtual_available", "free_qty");
            case "res.partner" -> java.util.Set.of("credit");
            case "sale.order" -> java.util.Set.of("partner_credit_warning");
            default -> java.util.Set.of();
        };
    }

    /** @param wanted the computed fields asked for; the forecast, which walks every open move of the product, only when asked */
    Map<String, Object> computeOnRead(Transaction tx, String model, Map<String, Object> record, java.util.Collection<String> wanted) {
        if (model.equals("res.partner")) {
            return Map.of("credit", round(receivable(tx, commercial(tx, (Long) record.get("id")))));
        }
        if (model.equals("sale.order")) {
            return Map.of("partner_credit_warning", creditWarning(tx, record));
        }
        if (!model.equals("product.product")) {
            return Map.of();
        }
        long product = (Long) record.get("id");
        double onHand = 0;
        double reserved = 0;
        for (Map<String, Object> quant : tx.where("stock.quant", "product_id", product)) {
            if (stock.isInternal(tx, quant.get("location_id"))) {
                onHand += number(quant.get("quantity"));
                reserved += number(quant.get("reserved_quantity"));
            }
        }
        if (!wanted.contains("virtual_available")) {
            return Map.of("qty_available", round(onHand), "free_qty", round(onHand - reserved));
        }
        double forecast = onHand;
        for (Map<String, Object> move : tx.where("stock.move", "product_id", product)) {
            if (!List.of("done", "cancel").contains(move.get("state"))) {
                boolean out = stock.isInternal(tx, move.get("location_id"));
                boolean in = stock.isInternal(tx, move.get("location_dest_id"));
                forecast += (in ? 1 : 0) * number(move.get("product_uom_qty")) - (out ? 1 : 0) * number(move.get("product_uom_qty"));
            }
        }
        return Map.of("qty_available", round(onHand), "virtual_available", round(forecast), "free_qty", round(onHand - reserved));
    }

    /** Confirmed sale orders not fully invoiced, summed per customer (each order by its own partner). */
    static final String TO_INVOICE = "sale.order to invoice";

    void keepTotals(OdooDatabase database) {
        database.keepTotal(TO_INVOICE, new OdooDatabase.Total("sale.order", "partner_id",
                order -> "sale".equals(order.get("state")) && !"invoiced".equals(order.get("invoice_status")),
                order -> number(order.get("amount_total"))));
    }

    /**
     * Odoo 16+'s warning on a quotation whose customer would pass its credit limit: what it owes on
     * posted invoices, plus confirmed orders not invoiced yet, plus this document.
     */
    private String creditWarning(Transaction tx, Map<String, Object> order) {
        long customer = commercial(tx, (Long) order.get("partner_id"));
        Map<String, Object> partner = tx.find("res.partner", customer);
        double limit = number(partner.get("credit_limit"));
        if (!Boolean.TRUE.equals(partner.get("use_partner_credit_limit")) || limit <= 0) {
            return "";
        }
        double toInvoice = tx.total(TO_INVOICE, customer);
        for (Map<String, Object> contact : tx.where("res.partner", "parent_id", customer)) {
            toInvoice += tx.total(TO_INVOICE, contact.get("id"));
        }
        double current = List.of("draft", "sent").contains(order.get("state")) ? number(order.get("amount_total")) : 0;
        double due = receivable(tx, customer) + toInvoice + current;
        if (due <= limit) {
            return "";
        }
        // account.move._build_credit_warning_message: the second line says what the total includes.
        String including = toInvoice > 0 && current > 0 ? " (including sales orders and this document)"
                : toInvoice > 0 ? " (including sales orders)" : current > 0 ? " (including this document)" : "";
        // formatLang puts a no-break space between the currency symbol and the amount.
        return String.format(java.util.Locale.ROOT, "%s has reached its credit limit of: $\u00a0%.2f%nTotal amount due%s: $\u00a0%.2f",
                partner.get("name"), limit, including, due);
    }

    /** What a customer owes on posted invoices not paid (refunds taken off). */
    private double receivable(Transaction tx, long customer) {
        double owed = 0;
        for (Map<String, Object> move : ofCustomer(tx, "account.move", customer)) {
            if ("posted".equals(move.get("state"))) {
                double residual = number(move.get("amount_residual"));
                owed += "out_refund".equals(move.get("move_type")) ? -residual : "out_invoice".equals(move.get("move_type")) ? residual : 0;
            }
        }
        return owed;
    }

    /** The company a contact or address belongs to (its own id when it has no parent). */
    /** The records of a model (orders, invoices) of a customer or any of its contacts, in id order. */
    private static List<Map<String, Object>> ofCustomer(Transaction tx, String model, long customer) {
        List<Map<String, Object>> found = new ArrayList<>(tx.where(model, "partner_id", customer));
        for (Map<String, Object> contact : tx.where("res.partner", "parent_id", customer)) {
            found.addAll(tx.where(model, "partner_id", contact.get("id")));
        }
        found.sort(java.util.Comparator.comparingLong(record -> (Long) record.get("id")));
        return found;
    }

    private static long commercial(Transaction tx, Long partner) {
        Map<String, Object> record = partner == null ? null : tx.find("res.partner", partner);
        return record != null && record.get("parent_id") instanceof Long parent ? parent : partner == null ? 0 : partner;
    }

    /**
     * Odoo's {@code res.partner.address_get}: the customer's first contact of that type (its own
     * children first, lowest id first), else the customer itself; a sale order's ship-to and
     * invoice address default to it.
     */
    private static Object address(Transaction tx, Object partner, String type) {
        if (!(partner instanceof Long customer)) {
            return partner;
        }
        Map<String, Object> record = tx.get("res.partner", customer);
        if (type.equals(record.get("type"))) {
            return customer;
        }
        return tx.childIds("res.partner", "parent_id", customer).stream().sorted()
                .filter(child -> type.equals(tx.get("res.partner", child).get("type"))
                        && !Boolean.FALSE.equals(tx.get("res.partner", child).get("active")))
                .findFirst().map(Object.class::cast).orElse(customer);
    }

    String displayName(Transaction tx, String model, Map<String, Object> record) {
        if (model.equals("product.product") && record.get("default_code") != null) {
            return "[" + record.get("default_code") + "] " + record.get("name");
        }
        if (model.equals("res.partner") && record.get("parent_id") != null) {
            Map<String, Object> parent = tx.find("res.partner", (Long) record.get("parent_id"));
            return parent == null ? null : parent.get("name") + ", " + record.get("name");
        }
        return null;
    }

    private void recomputeTotals(Transaction tx, String model, long id) {
        String lines = model.equals("account.move") ? "account.move.line" : model + ".line";
        String inverse = model.equals("account.move") ? "move_id" : "order_id";
        double untaxed = 0;
        double tax = 0;
        for (Map<String, Object> line : tx.children(lines, inverse, id)) {
            double subtotal = number(line.get("price_subtotal"));
            untaxed += subtotal;
            String taxes = model.equals("sale.order") ? taxField(tx) : "tax_ids";
            for (long taxId : Transaction.ids(line.get(taxes))) {
                tax += subtotal * number(tx.get("account.tax", taxId).get("amount")) / 100;
            }
        }
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("amount_total", round(untaxed + tax));
        totals.put("amount_untaxed", round(untaxed));
        totals.put("amount_tax", round(tax));
        if (model.equals("account.move")) {
            totals.put("amount_residual", round(untaxed + tax - number(tx.get(model, id).get("_paid"))));
        }
        tx.update(model, id, totals);
    }

    // ---------- sales and purchases ----------

    private Object confirmSale(Transaction tx, List<Long> ids) {
        for (long id : ids) {
            if (!List.of("draft", "sent").contains(tx.get("sale.order", id).get("state"))) {
                throw OdooFault.userError("Some orders are not in a state requiring confirmation.");
            }
        }
        for (long id : ids) {
            Map<String, Object> order = tx.get("sale.order", id);
            tx.update("sale.order", id, Map.of("state", "sale", "invoice_status", "to invoice", "delivery_status", "pending"));
            List<Map<String, Object>> lines = tx.children("sale.order.line", "order_id", id);
            List<Map<String, Object>> moves = new ArrayList<>();
            for (Map<String, Object> line : lines) {
                if (line.get("product_id") != null && !"service".equals(tx.get("product.product", (Long) line.get("product_id")).get("type"))) {
                    Map<String, Object> move = new LinkedHashMap<>();
                    move.put("name", line.get("name"));
                    move.put("product_id", line.get("product_id"));
                    move.put("product_uom_qty", line.get("product_uom_qty"));
                    move.put("sale_line_id", line.get("id"));
                    moves.add(move);
                }
            }
            if (!moves.isEmpty()) {
                // 18 (only) names the customer's reference in the delivery's source document too.
                Object origin = tx.version() == 18 && order.get("client_order_ref") != null
                        ? order.get("name") + " - " + order.get("client_order_ref") : order.get("name");
                long picking = stock.createPicking(tx, "outgoing", order.get("partner_shipping_id"), origin,
                        Map.of("sale_id", id, "carrier_id", Objects.requireNonNullElse(order.get("carrier_id"), false)), moves);
                stock.reserve(tx, picking);
            }
        }
        return true;
    }

    private void cancelSale(Transaction tx, long id) {
        for (Map<String, Object> picking : tx.children("stock.picking", "sale_id", id)) {
            if (!"done".equals(picking.get("state"))) {
                tx.update("stock.picking", (Long) picking.get("id"), Map.of("state", "cancel"));
            }
        }
        tx.update("sale.order", id, Map.of("state", "cancel"));
    }

    private void lock(Transaction tx, String model, long id, boolean locked) {
        if (tx.version() >= 17) {
            tx.update(model, id, Map.of("locked", locked));
        } else {
            tx.update(model, id, Map.of("state", locked ? "done" : "sale"));
        }
    }

    private void confirmPurchase(Transaction tx, long id) {
        Map<String, Object> order = tx.get("purchase.order", id);
        if (!List.of("draft", "sent").contains(order.get("state"))) {
            throw OdooFault.userError("Only draft or sent purchase orders can be confirmed.");
        }
        tx.update("purchase.order", id, Map.of("state", "purchase"));
        List<Map<String, Object>> moves = new ArrayList<>();
        for (Map<String, Object> line : tx.children("purchase.order.line", "order_id", id)) {
            Map<String, Object> move = new LinkedHashMap<>();
            move.put("name", line.get("name") == null ? "" : line.get("name"));
            move.put("product_id", line.get("product_id"));
            move.put("product_uom_qty", line.get("product_qty"));
            move.put("purchase_line_id", line.get("id"));
            moves.add(move);
        }
        if (!moves.isEmpty()) {
            long picking = stock.createPicking(tx, "incoming", order.get("partner_id"), order.get("name"), Map.of("purchase_id", id), moves);
            stock.reserve(tx, picking);
        }
    }

    /** See {@link OdooStock#countedQuant}: the ORM asks before it creates a quant. */
    Long countedQuant(Transaction tx, String model, Map<String, Object> vals) {
        return stock.countedQuant(tx, model, vals);
    }

    static String uomField(Transaction tx) {
        return tx.version() >= 19 ? "product_uom_id" : "product_uom";
    }

    static String taxField(Transaction tx) {
        return tx.version() >= 19 ? "tax_ids" : "tax_id";
    }

    static List<Long> activeIds(Transaction tx, String model) {
        if (!model.equals(tx.context.get("active_model")) && tx.context.get("active_ids") == null) {
            return List.of();
        }
        return Transaction.ids(tx.context.get("active_ids"));
    }

    private Object each(Transaction tx, String model, List<Long> ids, java.util.function.LongConsumer action) {
        for (long id : ids) {
            tx.get(model, id);
            action.accept(id);
        }
        return true;
    }

    static double number(Object value) {
        return value instanceof Number number ? number.doubleValue() : 0.0;
    }

    static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }
}
