package io.crossdock.sandbox.odoo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import io.crossdock.sandbox.odoo.OdooDatabase.Transaction;

/**
 * The ORM's generic methods (create, write, read, search_read, unlink, fields_get) with Odoo's
 * wire conventions: {@code false} for empty, many2one as {@code [id, name]}, x2many as ids on read
 * and command triples on write, dates as strings.
 */
final class OdooOrm {

    private static final Set<String> MAGIC = Set.of("id", "display_name", "create_date", "write_date", "create_uid", "write_uid");

    private final OdooBusiness business;

    OdooOrm(OdooBusiness business) {
        this.business = business;
    }

    List<Long> create(Transaction tx, String model, List<Map<String, Object>> valsList) {
        List<Long> ids = new ArrayList<>();
        for (Map<String, Object> vals : valsList) {
            Long counted = business.countedQuant(tx, model, vals);
            if (counted != null) {
                write(tx, model, List.of(counted), Map.of("inventory_quantity", vals.get("inventory_quantity"), "inventory_quantity_set", true));
                ids.add(counted);
            } else {
                ids.add(createOne(tx, model, vals, Map.of()));
            }
        }
        return ids;
    }

    long createOne(Transaction tx, String model, Map<String, Object> vals, Map<String, Object> inverse) {
        ModelSpec spec = tx.model(model);
        Map<String, Object> stored = new LinkedHashMap<>();
        spec.fields().values().stream().filter(field -> field.defaultValue() != null)
                .forEach(field -> stored.put(field.name(), field.defaultValue()));
        stored.putAll(business.defaults(tx, model, vals));
        Map<String, Object> toMany = new LinkedHashMap<>();
        vals.forEach((name, value) -> {
            FieldSpec field = field(spec, name);
            if (field.toMany()) {
                toMany.put(name, value);
            } else if (!MAGIC.contains(name)) {
                stored.put(name, toStored(tx, spec, field, value));
            }
        });
        stored.putAll(inverse);
        for (FieldSpec field : spec.fields().values()) {
            if (field.isRequired() && stored.get(field.name()) == null) {
                throw OdooFault.validation("The operation cannot be completed:\n- Create/update: a mandatory field is not set.\n"
                        + "- Delete: another model requires the record being deleted. If possible, archive it instead.\n\n"
                        + "Model: " + model + " (" + model + "), Field: " + field.name() + " (" + field.name() + ")");
            }
        }
        long id = tx.insert(model, stored);
        toMany.forEach((name, commands) -> applyCommands(tx, spec, spec.field(name), id, commands));
        business.afterWrite(tx, model, id);
        return id;
    }

    void write(Transaction tx, String model, List<Long> ids, Map<String, Object> vals) {
        ModelSpec spec = tx.model(model);
        for (long id : ids) {
            tx.get(model, id);
            Map<String, Object> stored = new LinkedHashMap<>();
            vals.forEach((name, value) -> {
                FieldSpec field = field(spec, name);
                if (field.toMany()) {
                    applyCommands(tx, spec, field, id, value);
                } else if (!MAGIC.contains(name)) {
                    stored.put(name, toStored(tx, spec, field, value));
                }
            });
            tx.update(model, id, stored);
            business.afterWrite(tx, model, id);
        }
    }

    void unlink(Transaction tx, String model, List<Long> ids) {
        ModelSpec spec = tx.model(model);
        for (long id : ids) {
            business.beforeUnlink(tx, model, tx.get(model, id));
            for (FieldSpec field : spec.fields().values()) {
                if ("one2many".equals(field.type())) {
                    unlink(tx, field.relation(), tx.childIds(field.relation(), field.inverse(), id));
                }
            }
            tx.delete(model, id);
        }
    }

    List<Long> search(Transaction tx, String model, Object domain, Number offset, Number limit, Object order) {
        return searchRecords(tx, model, domain, offset, limit, order).stream().map(record -> (Long) record.get("id")).toList();
    }

    List<Map<String, Object>> searchRecords(Transaction tx, String model, Object domain, Number offset, Number limit,
            Object order) {
        ModelSpec spec = tx.model(model);
        Predicate<Map<String, Object>> filter = Domain.parse(tx, spec, domain);
        // Archived records are left out unless the domain asks about active or the context says active_test: False.
        boolean activeOnly = spec.has("active") && !mentions(domain, "active") && !Boolean.FALSE.equals(tx.context.get("active_test"));
        // Computed quantities cost a scan of stock per record: only when the search filters or sorts by them.
        boolean computeFirst = business.computedOnRead(model).stream()
                .anyMatch(field -> String.valueOf(domain).contains(field) || String.valueOf(order).contains(field));
        List<Map<String, Object>> found = new ArrayList<>();
        for (Map<String, Object> record : computeFirst ? tx.all(model) : SearchCandidates.of(tx, spec, domain)) {
            Map<String, Object> view = computeFirst ? withComputed(tx, model, record, business.computedOnRead(model)) : record;
            if ((!activeOnly || !Boolean.FALSE.equals(view.get("active"))) && filter.test(view)) {
                found.add(view);
            }
        }
        found.sort(Domain.order(spec, order instanceof String clause ? clause : null));
        int from = offset == null ? 0 : Math.min(offset.intValue(), found.size());
        int to = limit == null || limit.intValue() <= 0 ? found.size() : Math.min(found.size(), from + limit.intValue());
        return found.subList(from, to);
    }

    long count(Transaction tx, String model, Object domain) {
        return searchRecords(tx, model, domain, null, null, null).size();
    }

    List<Map<String, Object>> read(Transaction tx, String model, List<Long> ids, Object fields, boolean load) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (long id : ids) {
            records.add(tx.get(model, id));
        }
        return records.stream().map(record -> toWire(tx, model, record, fields, load)).toList();
    }

    List<Map<String, Object>> toWire(Transaction tx, String model, List<Map<String, Object>> records, Object fields) {
        return records.stream().map(record -> toWire(tx, model, record, fields, true)).toList();
    }

    Map<String, Object> fieldsGet(Transaction tx, String model, Object allfields, Object attributes) {
        ModelSpec spec = tx.model(model);
        Collection<?> only = allfields instanceof Collection<?> names && !names.isEmpty() ? names : null;
        Collection<?> keep = attributes instanceof Collection<?> names && !names.isEmpty() ? names : null;
        Map<String, Object> description = new LinkedHashMap<>();
        for (FieldSpec field : spec.fields().values()) {
            if (only == null || only.contains(field.name())) {
                Map<String, Object> attrs = new LinkedHashMap<>(field.describe());
                if (keep != null) {
                    attrs.keySet().retainAll(keep.stream().map(String::valueOf).toList());
                }
                description.put(field.name(), attrs);
            }
        }
        return description;
    }

    /** A record as the wire shows it, with {@code load=None} (webhooks) giving bare many2one ids. */
    Map<String, Object> toWire(Transaction tx, String model, Map<String, Object> stored, Object fields, boolean load) {
        ModelSpec spec = tx.model(model);
        List<String> names = new ArrayList<>();
        if (fields instanceof Collection<?> wanted && !wanted.isEmpty()) {
            wanted.forEach(name -> {
                field(spec, String.valueOf(name));
                names.add(String.valueOf(name));
            });
        } else {
            names.addAll(spec.fields().keySet());
        }
        boolean computes = names.stream().anyMatch(name -> business.computedOnRead(model).contains(name) && !stored.containsKey(name));
        Map<String, Object> record = computes ? withComputed(tx, model, stored, names) : stored;
        Map<String, Object> wire = new LinkedHashMap<>();
        long id = (Long) record.get("id");
        wire.put("id", id);
        for (String name : names) {
            FieldSpec field = spec.field(name);
            Object value = switch (field.type()) {
                case "one2many" -> tx.childIds(field.relation(), field.inverse(), id);
                case "many2many" -> field.inverse() != null ? tx.childIds(field.relation(), field.inverse(), id)
                        : record.get(name) == null ? List.of() : record.get(name);
                case "many2one" -> {
                    Object target = record.get(name);
                    if (target == null) {
                        yield false;
                    }
                    yield load ? List.of(target, displayName(tx, field.relation(), (Long) target)) : target;
                }
                default -> name.equals("display_name") ? displayName(tx, model, id) : record.get(name);
            };
            // Numbers are never empty in Odoo: an unset float, monetary or integer reads 0.
            wire.put(name, value != null ? value : switch (field.type()) {
                case "float", "monetary" -> 0.0;
                case "integer" -> 0;
                default -> false;
            });
        }
        return wire;
    }

    String displayName(Transaction tx, String model, long id) {
        Map<String, Object> record = tx.find(model, id);
        if (record == null) {
            return false + "";
        }
        String name = business.displayName(tx, model, record);
        if (name != null) {
            return name;
        }
        Object value = record.get(tx.model(model).recordName());
        return "id".equals(tx.model(model).recordName()) || value == null ? model + "," + id : String.valueOf(value);
    }

    private Map<String, Object> withComputed(Transaction tx, String model, Map<String, Object> record, java.util.Collection<String> wanted) {
        Map<String, Object> computed = business.computeOnRead(tx, model, record, wanted);
        if (computed.isEmpty()) {
            return record;
        }
        Map<String, Object> view = new LinkedHashMap<>(record);
        view.putAll(computed);
        return view;
    }

    private void applyCommands(Transaction tx, ModelSpec spec, FieldSpec field, long id, Object value) {
        if (!(value instanceof List<?> commands)) {
            throw OdooFault.valueError("Wrong value for " + spec.name() + "." + field.name() + ": " + value);
        }
        List<Long> linked = new ArrayList<>(field.type().equals("many2many")
                ? OdooDatabase.Transaction.ids(tx.get(spec.name(), id).get(field.name()))
                : List.of());
        for (Object item : commands) {
            if (!(item instanceof List<?> command) || command.isEmpty() || !(command.get(0) instanceof Number code)) {
                throw OdooFault.valueError("Wrong value for " + spec.name() + "." + field.name()
                        + ": expected x2many commands such as [0, 0, {...}], got " + item);
            }
            Object target = command.size() > 1 ? command.get(1) : null;
            Object payload = command.size() > 2 ? command.get(2) : null;
            switch (code.intValue()) {
                case 0 -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> vals = payload instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
                    if ("one2many".equals(field.type())) {
                        createOne(tx, field.relation(), vals, Map.of(field.inverse(), id));
                    } else {
                        linked.add(createOne(tx, field.relation(), vals, Map.of()));
                    }
                }
                case 1 -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> vals = (Map<String, Object>) payload;
                    write(tx, field.relation(), OdooDatabase.Transaction.ids(target), vals);
                }
                case 2 -> {
                    unlink(tx, field.relation(), OdooDatabase.Transaction.ids(target));
                    linked.removeAll(OdooDatabase.Transaction.ids(target));
                }
                case 3 -> linked.removeAll(OdooDatabase.Transaction.ids(target));
                case 4 -> linked.addAll(OdooDatabase.Transaction.ids(target).stream()
                        .filter(ref -> !linked.contains(ref)).toList());
                case 5 -> linked.clear();
                case 6 -> {
                    linked.clear();
                    linked.addAll(OdooDatabase.Transaction.ids(payload));
                }
                default -> throw OdooFault.valueError("Unknown x2many command " + item);
            }
        }
        if ("many2many".equals(field.type())) {
            linked.forEach(ref -> tx.get(field.relation(), ref));
            tx.update(spec.name(), id, Map.of(field.name(), List.copyOf(linked)));
        }
    }

    private FieldSpec field(ModelSpec spec, String name) {
        FieldSpec field = spec.field(name);
        if (field == null) {
            throw OdooFault.valueError("Invalid field '" + name + "' on model '" + spec.name() + "'");
        }
        return field;
    }

    private Object toStored(Transaction tx, ModelSpec spec, FieldSpec field, Object value) {
        if (value == null || (Boolean.FALSE.equals(value) && !"boolean".equals(field.type()))) {
            return null;
        }
        String where = spec.name() + "." + field.name();
        try {
            return switch (field.type()) {
                case "many2one" -> {
                    long id = ((Number) value).longValue();
                    if (tx.find(field.relation(), id) == null) {
                        throw OdooFault.validation("The operation cannot be completed: another model requires the record"
                                + " being deleted. If possible, archive it instead.\n\nModel: " + field.relation()
                                + ", Constraint: " + spec.name().replace('.', '_') + "_" + field.name() + "_fkey");
                    }
                    yield id;
                }
                case "integer" -> ((Number) value).longValue();
                case "float", "monetary" -> ((Number) value).doubleValue();
                case "boolean" -> (Boolean) value;
                case "date" -> LocalDate.parse(String.valueOf(value)).toString();
                case "datetime" -> LocalDateTime.parse(String.valueOf(value), OdooDatabase.DATETIME)
                        .format(OdooDatabase.DATETIME);
                case "selection" -> {
                    if (!field.selection().contains(value)) {
                        throw OdooFault.valueError("Wrong value for " + where + ": '" + value + "'");
                    }
                    yield value;
                }
                default -> value instanceof String ? value : String.valueOf(value);
            };
        } catch (ClassCastException | DateTimeParseException e) {
            throw OdooFault.valueError("Wrong value for " + where + ": " + value + " is not a valid " + field.type());
        }
    }

    private static boolean mentions(Object domain, String field) {
        return domain instanceof List<?> terms && terms.stream()
                .anyMatch(term -> term instanceof List<?> leaf && !leaf.isEmpty() && field.equals(leaf.get(0)));
    }
}
