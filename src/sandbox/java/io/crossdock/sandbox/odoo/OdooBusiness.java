package io.crossdock.sandbox.odoo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.crossdock.sandbox.odoo.OdooDatabase.Transaction;

/**
 * Odoo's business behaviour for the models the flows touch: names from sequences, stored
 * computed amounts, and the state transitions of {@code action_confirm}, {@code button_validate}
 * (with its backorder wizard), {@code action_post}, the payment register wizard and invoicing
 * from a sale order. Field names follow the emulated version.
 */
final class OdooBusiness {

    private OdooOrm orm;

    void use(OdooOrm orm) {
        this.orm = orm;
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
            case "stock.picking/action_assign" -> each(tx, model, ids, id -> reserve(tx, id));
            case "stock.picking/button_validate" -> validate(tx, ids);
            case "stock.picking/action_cancel" -> each(tx, model, ids, id -> tx.update(model, id, Map.of("state", "cancel")));
            case "stock.backorder.confirmation/process" -> backorderWizard(tx, ids, false);
            case "stock.backorder.confirmation/process_cancel_backorder" -> backorderWizard(tx, ids, true);
            case "stock.quant/action_apply_inventory" -> applyInventory(tx, ids);
            case "account.move/action_post" -> each(tx, model, ids, id -> post(tx, id));
            case "account.move/button_draft" -> each(tx, model, ids, id -> tx.update(model, id, Map.of("state", "draft")));
            case "account.move/button_cancel" -> each(tx, model, ids, id -> tx.update(model, id, Map.of("state", "cancel")));
            case "account.payment.register/action_create_payments" -> registerPayments(tx, ids);
            case "sale.advance.payment.inv/create_invoices" -> createInvoices(tx, ids);
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
            case "account.payment.register" -> defaults.putAll(paymentRegisterDefaults(tx));
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
            if (isInternal(tx, quant.get("location_id"))) {
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
                boolean out = isInternal(tx, move.get("location_id"));
                boolean in = isInternal(tx, move.get("location_dest_id"));
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
                long picking = createPicking(tx, "outgoing", order.get("partner_shipping_id"), origin,
                        Map.of("sale_id", id, "carrier_id", Objects.requireNonNullElse(order.get("carrier_id"), false)), moves);
                reserve(tx, picking);
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
            long picking = createPicking(tx, "incoming", order.get("partner_id"), order.get("name"), Map.of("purchase_id", id), moves);
            reserve(tx, picking);
        }
    }

    private long createPicking(Transaction tx, String code, Object partner, Object origin, Map<String, Object> links,
            List<Map<String, Object>> moves) {
        Map<String, Object> type = tx.all("stock.picking.type").stream().filter(t -> code.equals(t.get("code"))).findFirst()
                .orElseThrow(() -> OdooFault.userError("No operation type of kind " + code + " is configured."));
        Map<String, Object> vals = new LinkedHashMap<>();
        vals.put("picking_type_id", type.get("id"));
        vals.put("partner_id", partner == null ? false : partner);
        vals.put("origin", origin);
        vals.put("state", "confirmed");
        vals.putAll(links);
        List<Object> commands = new ArrayList<>();
        for (Map<String, Object> move : moves) {
            Map<String, Object> withLocations = new LinkedHashMap<>(move);
            if (!tx.model("stock.move").has("name")) {
                withLocations.remove("name");   // 19's moves have no name of their own
            }
            withLocations.put("location_id", type.get("default_location_src_id"));
            withLocations.put("location_dest_id", type.get("default_location_dest_id"));
            withLocations.put("state", "confirmed");
            commands.add(List.of(0, 0, withLocations));
        }
        vals.put("move_ids", commands);
        return orm.createOne(tx, "stock.picking", vals, Map.of());
    }

    // ---------- stock ----------

    /** Reserves what the stock location holds; an incoming picking is always available. */
    private void reserve(Transaction tx, long pickingId) {
        Map<String, Object> picking = tx.get("stock.picking", pickingId);
        if (List.of("done", "cancel").contains(picking.get("state"))) {
            return;
        }
        boolean incoming = "incoming".equals(picking.get("picking_type_code"));
        int fully = 0;
        int partly = 0;
        List<Map<String, Object>> moves = tx.children("stock.move", "picking_id", pickingId);
        for (Map<String, Object> move : moves) {
            double demand = number(move.get("product_uom_qty"));
            double reserved = reserved(tx, move);
            if (reserved < demand) {
                double free = incoming ? demand - reserved : freeQuantity(tx, (Long) move.get("product_id"));
                double take = Math.min(demand - reserved, Math.max(0, free));
                if (take > 0 && !incoming) {
                    changeQuant(tx, (Long) move.get("product_id"), 0, take);
                }
                reserved += take;
                tx.update("stock.move", (Long) move.get("id"), Map.of(reservedField(tx), round(reserved),
                        "state", reserved >= demand ? "assigned" : reserved > 0 ? "partially_available" : "confirmed"));
            }
            fully += reserved >= demand ? 1 : 0;
            partly += reserved > 0 ? 1 : 0;
        }
        tx.update("stock.picking", pickingId, Map.of("state", fully == moves.size() || partly > 0 ? "assigned" : "confirmed"));
    }

    private Object validate(Transaction tx, List<Long> ids) {
        boolean skipBackorder = Boolean.TRUE.equals(tx.context.get("skip_backorder"));
        List<Long> noBackorder = Transaction.ids(tx.context.get("picking_ids_not_to_backorder"));
        List<Long> short_ = new ArrayList<>();
        for (long id : ids) {
            Map<String, Object> picking = tx.get("stock.picking", id);
            if (List.of("done", "cancel").contains(picking.get("state"))) {
                throw OdooFault.userError("The transfer " + picking.get("name") + " is already done or cancelled.");
            }
            List<Map<String, Object>> moves = tx.children("stock.move", "picking_id", id);
            double total = moves.stream().mapToDouble(move -> number(move.get(doneField(tx)))).sum();
            if (total <= 0) {
                if (tx.version() < 17 && !Boolean.TRUE.equals(tx.context.get("skip_immediate"))) {
                    return wizard("Immediate Transfer?", "stock.immediate.transfer", ids);
                }
                if (tx.version() >= 17 || !Boolean.TRUE.equals(tx.context.get("skip_immediate"))) {
                    throw OdooFault.userError("You cannot validate a transfer if no quantities are reserved nor done. "
                            + "You can use the info button on the top right corner of your screen to know why the stock was not reserved.");
                }
            }
            if (moves.stream().anyMatch(move -> number(move.get(doneField(tx))) < number(move.get("product_uom_qty")))) {
                short_.add(id);
            }
        }
        if (!short_.isEmpty() && !skipBackorder) {
            return wizard("Create Backorder?", "stock.backorder.confirmation", ids);
        }
        for (long id : ids) {
            done(tx, id, short_.contains(id) && !noBackorder.contains(id));
        }
        return true;
    }

    private Map<String, Object> wizard(String name, String model, List<Long> ids) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("button_validate_picking_ids", ids);
        context.put("default_pick_ids", ids.stream().map(id -> List.of(4, id)).toList());
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("name", name);
        action.put("type", "ir.actions.act_window");
        action.put("res_model", model);
        action.put("view_mode", "form");
        action.put("views", List.of(List.of(false, "form")));
        action.put("target", "new");
        action.put("context", context);
        return action;
    }

    private void done(Transaction tx, long pickingId, boolean backorder) {
        Map<String, Object> picking = tx.get("stock.picking", pickingId);
        boolean outgoing = "outgoing".equals(picking.get("picking_type_code"));
        boolean incoming = "incoming".equals(picking.get("picking_type_code"));
        List<Map<String, Object>> remainders = new ArrayList<>();
        for (Map<String, Object> move : tx.children("stock.move", "picking_id", pickingId)) {
            long moveId = (Long) move.get("id");
            long product = (Long) move.get("product_id");
            double quantity = number(move.get(doneField(tx)));
            double demand = number(move.get("product_uom_qty"));
            double reserved = reserved(tx, move);
            if (outgoing) {
                changeQuant(tx, product, -quantity, -Math.min(reserved, Math.max(quantity, reserved)));
            } else if (incoming) {
                changeQuant(tx, product, quantity, 0);
            }
            if (quantity < demand) {
                Map<String, Object> rest = new LinkedHashMap<>();
                rest.put("name", move.get("name") == null ? "" : move.get("name"));
                rest.put("product_id", product);
                rest.put("product_uom_qty", round(demand - quantity));
                rest.put("sale_line_id", move.get("sale_line_id") == null ? false : move.get("sale_line_id"));
                rest.put("purchase_line_id", move.get("purchase_line_id") == null ? false : move.get("purchase_line_id"));
                remainders.add(rest);
            }
            Map<String, Object> doneMove = new LinkedHashMap<>();
            doneMove.put("state", quantity > 0 ? "done" : "cancel");
            doneMove.put("product_uom_qty", quantity);
            if (tx.version() >= 17) {
                doneMove.put("picked", quantity > 0);
            }
            tx.update("stock.move", moveId, doneMove);
            if (quantity > 0) {
                // What left (or came into) which location: the detailed operation of the move.
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("picking_id", pickingId);
                line.put("move_id", moveId);
                line.put("product_id", product);
                line.put("product_uom_id", move.get("product_uom") == null ? 1L : move.get("product_uom"));
                line.put("location_id", move.get("location_id") != null ? move.get("location_id") : picking.get("location_id"));
                line.put("location_dest_id", move.get("location_dest_id") != null ? move.get("location_dest_id") : picking.get("location_dest_id"));
                line.put(tx.version() >= 17 ? "quantity" : "qty_done", quantity);
                if (tx.version() >= 17) {
                    line.put("picked", true);
                }
                line.put("state", "done");
                tx.insert("stock.move.line", line);
            }
            if (move.get("sale_line_id") != null) {
                long line = (Long) move.get("sale_line_id");
                tx.update("sale.order.line", line, Map.of("qty_delivered",
                        round(number(tx.get("sale.order.line", line).get("qty_delivered")) + quantity)));
            }
            if (move.get("purchase_line_id") != null) {
                long line = (Long) move.get("purchase_line_id");
                tx.update("purchase.order.line", line, Map.of("qty_received",
                        round(number(tx.get("purchase.order.line", line).get("qty_received")) + quantity)));
            }
        }
        tx.update("stock.picking", pickingId, Map.of("state", "done", "date_done", tx.now));
        if (backorder && !remainders.isEmpty()) {
            Map<String, Object> links = new LinkedHashMap<>();
            links.put("backorder_id", pickingId);
            links.put("sale_id", picking.get("sale_id") == null ? false : picking.get("sale_id"));
            links.put("purchase_id", picking.get("purchase_id") == null ? false : picking.get("purchase_id"));
            links.put("carrier_id", picking.get("carrier_id") == null ? false : picking.get("carrier_id"));
            long next = createPicking(tx, String.valueOf(picking.get("picking_type_code")), picking.get("partner_id"),
                    picking.get("origin"), links, remainders);
            reserve(tx, next);
        }
        if (picking.get("sale_id") != null) {
            long order = (Long) picking.get("sale_id");
            boolean open = tx.children("stock.picking", "sale_id", order).stream()
                    .anyMatch(p -> !List.of("done", "cancel").contains(p.get("state")));
            tx.update("sale.order", order, Map.of("delivery_status", open ? "partial" : "full"));
        }
    }

    private Object backorderWizard(Transaction tx, List<Long> ids, boolean cancelRest) {
        List<Long> pickings = new ArrayList<>();
        for (long id : ids) {
            pickings.addAll(Transaction.ids(tx.get("stock.backorder.confirmation", id).get("pick_ids")));
        }
        Map<String, Object> context = new LinkedHashMap<>(tx.context);
        context.put("skip_backorder", true);
        if (cancelRest) {
            context.put("picking_ids_not_to_backorder", pickings);
        }
        Map<String, Object> previous = tx.context;
        tx.withContext(context);
        try {
            return validate(tx, pickings);
        } finally {
            tx.withContext(previous);
        }
    }

    /**
     * stock.quant.create in inventory mode (context {@code inventory_mode}, as the Physical Inventory
     * screen and its importers use it): a count for a product and location that already have a quant
     * is written on that quant, so applying it sets the on-hand quantity instead of adding to it.
     */
    Long countedQuant(Transaction tx, String model, Map<String, Object> vals) {
        if (!model.equals("stock.quant") || !Boolean.TRUE.equals(tx.context.get("inventory_mode"))
                || !(vals.get("product_id") instanceof Number product) || !(vals.get("location_id") instanceof Number location)) {
            return null;
        }
        return tx.where("stock.quant", "product_id", product.longValue()).stream()
                .filter(quant -> Long.valueOf(location.longValue()).equals(quant.get("location_id")))
                .map(quant -> (Long) quant.get("id")).findFirst().orElse(null);
    }

    private Object applyInventory(Transaction tx, List<Long> ids) {
        for (long id : ids) {
            Map<String, Object> quant = tx.get("stock.quant", id);
            tx.update("stock.quant", id, Map.of("quantity", number(quant.get("inventory_quantity")), "inventory_quantity_set", false));
        }
        return null;
    }

    private void changeQuant(Transaction tx, long product, double quantity, double reserved) {
        long stock = stockLocation(tx);
        Map<String, Object> quant = tx.where("stock.quant", "product_id", product).stream()
                .filter(q -> Long.valueOf(stock).equals(q.get("location_id")))
                .findFirst().orElse(null);
        if (quant == null) {
            tx.insert("stock.quant", Map.of("product_id", product, "location_id", stock, "quantity", round(quantity),
                    "reserved_quantity", round(reserved)));
        } else {
            tx.update("stock.quant", (Long) quant.get("id"), Map.of(
                    "quantity", round(number(quant.get("quantity")) + quantity),
                    "reserved_quantity", round(Math.max(0, number(quant.get("reserved_quantity")) + reserved))));
        }
    }

    private double freeQuantity(Transaction tx, long product) {
        return tx.where("stock.quant", "product_id", product).stream()
                .filter(q -> isInternal(tx, q.get("location_id")))
                .mapToDouble(q -> number(q.get("quantity")) - number(q.get("reserved_quantity"))).sum();
    }

    private long stockLocation(Transaction tx) {
        return tx.all("stock.location").stream().filter(l -> "internal".equals(l.get("usage"))).findFirst()
                .map(l -> (Long) l.get("id")).orElseThrow(() -> OdooFault.userError("No internal stock location."));
    }

    private boolean isInternal(Transaction tx, Object location) {
        return location != null && "internal".equals(tx.get("stock.location", (Long) location).get("usage"));
    }

    private double reserved(Transaction tx, Map<String, Object> move) {
        return number(move.get(reservedField(tx)));
    }

    /** 17+ keep the reserved and the done quantity in one field, {@code quantity}; 16 had two. */
    private static String reservedField(Transaction tx) {
        return tx.version() >= 17 ? "quantity" : "reserved_availability";
    }

    private static String doneField(Transaction tx) {
        return tx.version() >= 17 ? "quantity" : "quantity_done";
    }

    static String uomField(Transaction tx) {
        return tx.version() >= 19 ? "product_uom_id" : "product_uom";
    }

    static String taxField(Transaction tx) {
        return tx.version() >= 19 ? "tax_ids" : "tax_id";
    }

    // ---------- accounting ----------

    private void post(Transaction tx, long id) {
        Map<String, Object> move = tx.get("account.move", id);
        if ("posted".equals(move.get("state"))) {
            throw OdooFault.userError("The entry " + move.get("name") + " (id " + id + ") is already posted.");
        }
        if (tx.children("account.move.line", "move_id", id).isEmpty()) {
            throw OdooFault.userError("You need to add a line before posting.");
        }
        String type = String.valueOf(move.get("move_type"));
        String prefix = switch (type) {
            case "out_invoice" -> "INV";
            case "out_refund" -> "RINV";
            case "in_invoice" -> "BILL";
            case "in_refund" -> "RBILL";
            default -> "MISC";
        };
        String year = tx.today().substring(0, 4);
        Map<String, Object> posted = new LinkedHashMap<>();
        posted.put("state", "posted");
        posted.put("name", tx.nextName("move." + prefix + year, prefix + "/" + year + "/%05d"));
        posted.put("invoice_date", move.get("invoice_date") == null ? tx.today() : move.get("invoice_date"));
        posted.put("invoice_date_due", move.get("invoice_date_due") == null ? tx.today() : move.get("invoice_date_due"));
        posted.put("payment_state", "not_paid");
        posted.put("amount_residual", move.get("amount_total"));
        tx.update("account.move", id, posted);
    }

    private Map<String, Object> paymentRegisterDefaults(Transaction tx) {
        if (!"account.move".equals(tx.context.get("active_model"))) {
            throw OdooFault.userError("The register payment wizard should only be called on account.move or account.move.line records.");
        }
        List<Long> moves = Transaction.ids(tx.context.get("active_ids"));
        if (moves.isEmpty()) {
            throw OdooFault.userError("The register payment wizard needs the invoices in the context (active_ids).");
        }
        double amount = 0;
        Object partner = null;
        for (long id : moves) {
            Map<String, Object> move = tx.get("account.move", id);
            if (!"posted".equals(move.get("state"))) {
                throw OdooFault.userError("You can only register payment for posted journal entries.");
            }
            amount += number(move.get("amount_residual"));
            partner = move.get("partner_id");
        }
        Map<String, Object> defaults = new LinkedHashMap<>();
        // Odoo's wizard holds the invoices' receivable journal items; the emulator keeps no receivable
        // lines, so each invoice stands there by its first line, which leads back to it all the same.
        defaults.put("line_ids", moves.stream().flatMap(move -> tx.childIds("account.move.line", "move_id", move).stream().limit(1)).toList());
        defaults.put("amount", round(amount));
        defaults.put("partner_id", partner);
        defaults.put("payment_date", tx.today());
        defaults.put("journal_id", tx.all("account.journal").stream().filter(j -> "bank".equals(j.get("type")))
                .findFirst().map(j -> j.get("id")).orElse(null));
        return defaults;
    }

    private Object registerPayments(Transaction tx, List<Long> ids) {
        long payment = 0;
        for (long id : ids) {
            Map<String, Object> wizard = tx.get("account.payment.register", id);
            double amount = number(wizard.get("amount"));
            List<Long> moves = Transaction.ids(wizard.get("line_ids")).stream()
                    .map(line -> (Long) tx.get("account.move.line", line).get("move_id")).distinct().toList();
            List<String> names = new ArrayList<>();
            for (long moveId : moves) {
                Map<String, Object> move = tx.get("account.move", moveId);
                double applied = Math.min(amount, number(move.get("amount_residual")));
                amount -= applied;
                double residual = round(number(move.get("amount_residual")) - applied);
                tx.update("account.move", moveId, Map.of("_paid", round(number(move.get("_paid")) + applied),
                        "amount_residual", residual, "payment_state", residual <= 0.005 ? "paid" : "partial"));
                names.add(String.valueOf(move.get("name")));
            }
            String memo = wizard.get("communication") == null ? String.join(" ", names) : String.valueOf(wizard.get("communication"));
            Map<String, Object> vals = new LinkedHashMap<>();
            vals.put("partner_id", wizard.get("partner_id") == null ? false : wizard.get("partner_id"));
            vals.put("amount", wizard.get("amount"));
            vals.put("date", wizard.get("payment_date"));
            vals.put("journal_id", wizard.get("journal_id") == null ? false : wizard.get("journal_id"));
            if (tx.version() >= 18) {
                vals.put("memo", memo);
                vals.put("invoice_ids", List.of(List.of(6, 0, moves)));
            } else {
                vals.put("ref", memo);
                vals.put("reconciled_invoice_ids", List.of(List.of(6, 0, moves)));
            }
            payment = orm.createOne(tx, "account.payment", vals, Map.of());
            String name = tx.nextName("payment", "PBNK1/" + tx.today().substring(0, 4) + "/%05d");
            tx.update("account.payment", payment, Map.of("name", name, "state", tx.version() >= 18 ? "paid" : "posted"));
        }
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("name", "Payments");
        action.put("type", "ir.actions.act_window");
        action.put("res_model", "account.payment");
        action.put("context", Map.of("create", false));
        action.put("view_mode", "form");
        action.put("res_id", payment);
        return action;
    }

    private Object createInvoices(Transaction tx, List<Long> ids) {
        long invoice = 0;
        for (long id : ids) {
            for (long orderId : Transaction.ids(tx.get("sale.advance.payment.inv", id).get("sale_order_ids"))) {
                invoice = invoiceOrder(tx, orderId);
            }
        }
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("name", "Invoices");
        action.put("type", "ir.actions.act_window");
        action.put("res_model", "account.move");
        action.put("view_mode", "form");
        action.put("res_id", invoice);
        return action;
    }

    private long invoiceOrder(Transaction tx, long orderId) {
        Map<String, Object> order = tx.get("sale.order", orderId);
        if (!"sale".equals(order.get("state"))) {
            throw OdooFault.userError("The order " + order.get("name") + " is not confirmed.");
        }
        List<Object> lines = new ArrayList<>();
        boolean everything = true;
        for (Map<String, Object> line : tx.children("sale.order.line", "order_id", orderId)) {
            Map<String, Object> product = line.get("product_id") == null ? Map.of() : tx.get("product.product", (Long) line.get("product_id"));
            double basis = "delivery".equals(product.get("invoice_policy")) ? number(line.get("qty_delivered")) : number(line.get("product_uom_qty"));
            double toInvoice = round(basis - number(line.get("qty_invoiced")));
            everything &= number(line.get("qty_invoiced")) + toInvoice >= number(line.get("product_uom_qty"));
            if (toInvoice > 0) {
                Map<String, Object> vals = new LinkedHashMap<>();
                vals.put("product_id", line.get("product_id"));
                vals.put("name", line.get("name"));
                vals.put("quantity", toInvoice);
                vals.put("price_unit", line.get("price_unit"));
                vals.put("discount", line.get("discount") == null ? 0.0 : line.get("discount"));
                vals.put("tax_ids", List.of(List.of(6, 0, Transaction.ids(line.get(taxField(tx))))));
                vals.put("sale_line_ids", List.of(List.of(6, 0, List.of(line.get("id")))));
                lines.add(List.of(0, 0, vals));
                tx.update("sale.order.line", (Long) line.get("id"), Map.of("qty_invoiced", round(number(line.get("qty_invoiced")) + toInvoice)));
            }
        }
        if (lines.isEmpty()) {
            throw OdooFault.userError("There is no invoiceable line. If a product has a control policy based on received quantity, "
                    + "please make sure that a quantity has been received.");
        }
        Map<String, Object> vals = new LinkedHashMap<>();
        vals.put("move_type", "out_invoice");
        vals.put("partner_id", order.get("partner_invoice_id"));
        vals.put("invoice_origin", order.get("name"));
        vals.put("ref", order.get("client_order_ref") == null ? false : order.get("client_order_ref"));
        vals.put("invoice_line_ids", lines);
        long invoice = orm.createOne(tx, "account.move", vals, Map.of());
        List<Long> invoices = new ArrayList<>(Transaction.ids(order.get("invoice_ids")));
        invoices.add(invoice);
        tx.update("sale.order", orderId, Map.of("invoice_ids", invoices, "invoice_status", everything ? "invoiced" : "to invoice"));
        return invoice;
    }

    private List<Long> activeIds(Transaction tx, String model) {
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
