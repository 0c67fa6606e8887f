package io.crossdock.sandbox.odoo;

import static io.crossdock.sandbox.odoo.OdooBusiness.number;
import static io.crossdock.sandbox.odoo.OdooBusiness.round;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.crossdock.sandbox.odoo.OdooDatabase.Transaction;

/**
 * Odoo's inventory behaviour: pickings made and reserved against the stock location, validation
 * with its backorder wizard, quants moved and counted, the detailed operations left behind.
 */
final class OdooStock {

    private final OdooOrm orm;

    OdooStock(OdooOrm orm) {
        this.orm = orm;
    }

    long createPicking(Transaction tx, String code, Object partner, Object origin, Map<String, Object> links,
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

    /** Reserves what the stock location holds; an incoming picking is always available. */
    void reserve(Transaction tx, long pickingId) {
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

    Object validate(Transaction tx, List<Long> ids) {
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

    Map<String, Object> wizard(String name, String model, List<Long> ids) {
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

    void done(Transaction tx, long pickingId, boolean backorder) {
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

    Object backorderWizard(Transaction tx, List<Long> ids, boolean cancelRest) {
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

    Object applyInventory(Transaction tx, List<Long> ids) {
        for (long id : ids) {
            Map<String, Object> quant = tx.get("stock.quant", id);
            tx.update("stock.quant", id, Map.of("quantity", number(quant.get("inventory_quantity")), "inventory_quantity_set", false));
        }
        return null;
    }

    void changeQuant(Transaction tx, long product, double quantity, double reserved) {
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

    double freeQuantity(Transaction tx, long product) {
        return tx.where("stock.quant", "product_id", product).stream()
                .filter(q -> isInternal(tx, q.get("location_id")))
                .mapToDouble(q -> number(q.get("quantity")) - number(q.get("reserved_quantity"))).sum();
    }

    long stockLocation(Transaction tx) {
        return tx.all("stock.location").stream().filter(l -> "internal".equals(l.get("usage"))).findFirst()
                .map(l -> (Long) l.get("id")).orElseThrow(() -> OdooFault.userError("No internal stock location."));
    }

    boolean isInternal(Transaction tx, Object location) {
        return location != null && "internal".equals(tx.get("stock.location", (Long) location).get("usage"));
    }

    double reserved(Transaction tx, Map<String, Object> move) {
        return number(move.get(reservedField(tx)));
    }

    /** 17+ keep the reserved and the done quantity in one field, {@code quantity}; 16 had two. */
    static String reservedField(Transaction tx) {
        return tx.version() >= 17 ? "quantity" : "reserved_availability";
    }

    static String doneField(Transaction tx) {
        return tx.version() >= 17 ? "quantity" : "quantity_done";
    }
}
