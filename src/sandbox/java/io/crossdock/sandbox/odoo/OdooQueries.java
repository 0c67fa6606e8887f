package io.crossdock.sandbox.odoo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.crossdock.sandbox.odoo.OdooDatabase.Transaction;

/** Odoo's read-only ORM queries beyond search and read: {@code name_search} and {@code read_group}. */
final class OdooQueries {

    private OdooQueries() {
    }

    /** name_search(name, args, operator, limit): [[id, display name], ...] of records whose name matches. */
    static List<List<Object>> nameSearch(OdooOrm orm, Transaction tx, String model, Map<String, Object> args) {
        List<Object> domain = new ArrayList<>(args.get("args") instanceof List<?> given ? given : List.of());
        String name = args.get("name") instanceof String text ? text : "";
        if (!name.isEmpty()) {
            domain.add(List.of(tx.model(model).recordName(), args.get("operator") instanceof String op ? op : "ilike", name));
        }
        Number limit = args.get("limit") instanceof Number given ? given : 100;
        List<List<Object>> found = new ArrayList<>();
        for (Map<String, Object> record : orm.searchRecords(tx, model, domain, null, limit, null)) {
            long id = (Long) record.get("id");
            found.add(List.of(id, orm.displayName(tx, model, id)));
        }
        return found;
    }

    /**
     * read_group(domain, fields, groupby, lazy): one row per group with its count, the sum of each
     * numeric field asked for ({@code amount_total} or {@code amount_total:sum}) and the domain that
     * finds its records. Lazy (the default) groups by the first groupby only.
     */
    static List<Map<String, Object>> readGroup(OdooOrm orm, Transaction tx, String model, Map<String, Object> args) {
        ModelSpec spec = tx.model(model);
        List<String> groupby = new ArrayList<>();
        if (args.get("groupby") instanceof String one) {
            groupby.add(one);
        } else if (args.get("groupby") instanceof Collection<?> many) {
            many.forEach(field -> groupby.add(String.valueOf(field)));
        }
        boolean lazy = !Boolean.FALSE.equals(args.get("lazy"));
        List<String> by = lazy && groupby.size() > 1 ? groupby.subList(0, 1) : groupby;
        for (String field : by) {
            if (!spec.has(field)) {
                throw OdooFault.valueError("Invalid field '" + field + "' on model '" + model + "'");
            }
        }
        Map<String, String> sums = new LinkedHashMap<>();
        if (args.get("fields") instanceof Collection<?> fields) {
            for (Object asked : fields) {
                String[] parts = String.valueOf(asked).split(":");
                FieldSpec field = spec.field(parts[0]);
                if (field != null && List.of("float", "monetary", "integer").contains(field.type()) && !by.contains(parts[0])) {
                    sums.put(parts[0], parts.length > 1 ? parts[1] : "sum");
                }
            }
        }
        Map<List<Object>, List<Map<String, Object>>> groups = new LinkedHashMap<>();
        for (Map<String, Object> record : orm.searchRecords(tx, model, args.get("domain"), null, null, by.isEmpty() ? null : String.join(",", by))) {
            List<Object> key = new ArrayList<>();
            by.forEach(field -> key.add(record.get(field)));
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(record);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        groups.forEach((key, records) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            List<Object> domain = new ArrayList<>();
            for (int i = 0; i < by.size(); i++) {
                String field = by.get(i);
                Object value = key.get(i);
                FieldSpec spec1 = spec.field(field);
                row.put(field, value == null ? false : "many2one".equals(spec1.type())
                        ? List.of(value, orm.displayName(tx, spec1.relation(), (Long) value)) : value);
                domain.add(List.of(field, "=", value == null ? false : value));
            }
            row.put(lazy && !by.isEmpty() ? by.get(0) + "_count" : "__count", records.size());
            sums.forEach((field, function) -> row.put(field, aggregate(records, field, function)));
            row.put("__domain", domain);
            rows.add(row);
        });
        return rows;
    }

    private static Object aggregate(List<Map<String, Object>> records, String field, String function) {
        List<Double> values = records.stream().map(record -> record.get(field) instanceof Number n ? n.doubleValue() : 0.0).toList();
        return switch (function) {
            case "max" -> values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
            case "min" -> values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
            case "avg" -> values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            case "count" -> values.size();
            default -> Math.round(values.stream().mapToDouble(Double::doubleValue).sum() * 100) / 100.0;
        };
    }
}
