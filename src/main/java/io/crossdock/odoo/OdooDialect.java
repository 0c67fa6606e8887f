package io.crossdock.odoo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The differences between Odoo 16 and 19 that routes should never see, in one place. Routes use
 * the newest names ({@code product_uom_id}, {@code tax_ids}, {@code quantity}, {@code memo},
 * {@code locked}, {@code is_storable}); this class renames them for older servers and translates
 * the state values that changed meaning.
 */
final class OdooDialect {

    /** A field Odoo renamed: routes use {@code current}; servers older than {@code since} call it {@code legacy}. */
    private record Rename(String model, String current, String legacy, int since) {
    }

    private static final List<Rename> RENAMES = List.of(
            new Rename("sale.order.line", "product_uom_id", "product_uom", 19),
            new Rename("sale.order.line", "tax_ids", "tax_id", 19),
            new Rename("stock.move", "quantity", "quantity_done", 17),
            new Rename("account.payment", "memo", "ref", 18),
            new Rename("account.payment", "invoice_ids", "reconciled_invoice_ids", 18));

    private final int version;

    OdooDialect(int version) {
        this.version = version;
    }

    int version() {
        return version;
    }

    String toServer(String model, String field) {
        for (Rename rename : RENAMES) {
            if (version < rename.since() && rename.model().equals(model) && rename.current().equals(field)) {
                return rename.legacy();
            }
        }
        return field;
    }

    String fromServer(String model, String field) {
        for (Rename rename : RENAMES) {
            if (version < rename.since() && rename.model().equals(model) && rename.legacy().equals(field)) {
                return rename.current();
            }
        }
        return field;
    }

    Map<String, Object> valsToServer(String model, Map<String, Object> vals) {
        Map<String, Object> server = new LinkedHashMap<>();
        vals.forEach((field, value) -> {
            if (lockedIsAState(model) && field.equals("locked")) {
                server.put("state", Boolean.TRUE.equals(value) ? "done" : "sale");
            } else if (storableIsAType(model) && field.equals("is_storable")) {
                if (Boolean.TRUE.equals(value)) {
                    // 15-17 compute type from detailed_type, the field their forms show and edit.
                    server.put("type", "product");
                    server.put("detailed_type", "product");
                }
            } else if (!(version < 17 && model.equals("stock.move") && field.equals("picked"))) {
                server.put(toServer(model, field), value);
            }
        });
        return server;
    }

    List<String> fieldsToServer(String model, List<String> fields) {
        if (fields == null || fields.isEmpty()) {
            return fields;
        }
        List<String> server = new ArrayList<>();
        for (String field : fields) {
            String name = lockedIsAState(model) && field.equals("locked") ? "state"
                    : storableIsAType(model) && field.equals("is_storable") ? "type"
                    : version < 17 && model.equals("stock.move") && field.equals("picked") ? null
                    : toServer(model, field);
            if (name != null && !server.contains(name)) {
                server.add(name);
            }
        }
        return server;
    }

    Object domainToServer(String model, Object domain) {
        if (!(domain instanceof List<?> terms)) {
            return domain;
        }
        List<Object> server = new ArrayList<>();
        for (Object term : terms) {
            if (term instanceof List<?> leaf && leaf.size() == 3 && leaf.get(0) instanceof String path) {
                int dot = path.indexOf('.');
                String head = dot < 0 ? path : path.substring(0, dot);
                server.add(java.util.Arrays.asList(toServer(model, head) + (dot < 0 ? "" : path.substring(dot)), leaf.get(1), leaf.get(2)));
            } else {
                server.add(term);
            }
        }
        return server;
    }

    String orderToServer(String model, String order) {
        if (order == null || order.isBlank()) {
            return order;
        }
        List<String> parts = new ArrayList<>();
        for (String part : order.split(",")) {
            String[] words = part.trim().split("\\s+", 2);
            parts.add(toServer(model, words[0]) + (words.length > 1 ? " " + words[1] : ""));
        }
        return String.join(", ", parts);
    }

    Map<String, Object> recordFromServer(String model, Map<String, Object> record, List<String> requested) {
        Map<String, Object> result = new LinkedHashMap<>();
        record.forEach((field, value) -> result.put(fromServer(model, field), value));
        if (lockedIsAState(model) && result.containsKey("state")) {
            boolean done = "done".equals(result.get("state"));
            if (done) {
                result.put("state", model.equals("sale.order") ? "sale" : "purchase");
            }
            result.put("locked", done);
        }
        if (storableIsAType(model) && result.containsKey("type")) {
            boolean storable = "product".equals(result.get("type"));
            if (storable) {
                result.put("type", "consu");
            }
            result.put("is_storable", storable);
        }
        if (requested != null && !requested.isEmpty()) {
            result.keySet().removeIf(field -> !field.equals("id") && !requested.contains(field));
        }
        return result;
    }

    /** Before 17 (sale) and 19 (purchase) a locked order was the state {@code done}. */
    private boolean lockedIsAState(String model) {
        return (model.equals("sale.order") && version < 17) || (model.equals("purchase.order") && version < 19);
    }

    /** Before 18 a storable product was {@code type = 'product'}; 18 made it {@code consu} with {@code is_storable}. */
    private boolean storableIsAType(String model) {
        return (model.equals("product.product") || model.equals("product.template")) && version < 18;
    }
}
