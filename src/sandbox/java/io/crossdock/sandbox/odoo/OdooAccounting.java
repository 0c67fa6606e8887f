package io.crossdock.sandbox.odoo;

import static io.crossdock.sandbox.odoo.OdooBusiness.activeIds;
import static io.crossdock.sandbox.odoo.OdooBusiness.number;
import static io.crossdock.sandbox.odoo.OdooBusiness.round;
import static io.crossdock.sandbox.odoo.OdooBusiness.taxField;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.crossdock.sandbox.odoo.OdooDatabase.Transaction;

/**
 * Odoo's accounting behaviour: posting with the journal's sequence, invoicing a sale order (the
 * "Create Invoice" wizard) and registering payments (the payment register wizard).
 */
final class OdooAccounting {

    private final OdooOrm orm;

    OdooAccounting(OdooOrm orm) {
        this.orm = orm;
    }

    void post(Transaction tx, long id) {
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

    Map<String, Object> paymentRegisterDefaults(Transaction tx) {
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

    Object registerPayments(Transaction tx, List<Long> ids) {
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

    Object createInvoices(Transaction tx, List<Long> ids) {
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

    long invoiceOrder(Transaction tx, long orderId) {
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
}
