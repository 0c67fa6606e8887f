package io.crossdock.sandbox.odoo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Odoo's search domains (prefix notation with {@code &}, {@code |}, {@code !}, an implicit
 * {@code &} between consecutive terms, leaves {@code [field, operator, value]} with dotted paths
 * through relations) and {@code order} clauses, evaluated over the emulator's records.
 */
final class Domain {

    interface Records {
        ModelSpec model(String name);

        Map<String, Object> find(String model, long id);

        /** The ids a one2many holds: the records of {@code model} whose {@code inverse} points at the parent. */
        List<Long> childIds(String model, String inverse, long parentId);
    }

    private final Records records;
    private final List<?> terms;
    private int next;

    private Domain(Records records, List<?> terms) {
        this.records = records;
        this.terms = terms;
    }

    static Predicate<Map<String, Object>> parse(Records records, ModelSpec model, Object domain) {
        if (domain == null || Boolean.FALSE.equals(domain)) {
            return record -> true;
        }
        if (!(domain instanceof List<?> terms)) {
            throw OdooFault.valueError("Invalid domain: " + domain);
        }
        Domain parser = new Domain(records, terms);
        Predicate<Map<String, Object>> all = record -> true;
        while (parser.next < terms.size()) {
            all = all.and(parser.term(model));
        }
        return all;
    }

    private Predicate<Map<String, Object>> term(ModelSpec model) {
        if (next >= terms.size()) {
            throw OdooFault.valueError("Domain " + terms + " is missing a term after an operator");
        }
        Object term = terms.get(next++);
        if ("&".equals(term)) {
            return term(model).and(term(model));
        }
        if ("|".equals(term)) {
            return term(model).or(term(model));
        }
        if ("!".equals(term)) {
            return term(model).negate();
        }
        if (term instanceof List<?> leaf && leaf.size() == 3 && leaf.get(1) instanceof String operator) {
            return leaf(model, leaf, operator, leaf.get(2));
        }
        throw OdooFault.valueError("Invalid leaf " + term);
    }

    private Predicate<Map<String, Object>> leaf(ModelSpec model, List<?> leaf, String operator, Object value) {
        if (leaf.get(0) instanceof Number constant) {
            // (1, '=', 1) and (0, '=', 1): Odoo's TRUE_LEAF and FALSE_LEAF.
            boolean truth = Objects.equals(constant.longValue(), value instanceof Number n ? n.longValue() : value);
            return record -> truth;
        }
        String path = String.valueOf(leaf.get(0));
        checkPath(model, path, leaf);
        String op = operator.toLowerCase(Locale.ROOT);
        return switch (op) {
            case "=", "==" -> record -> anyMatches(model, record, path, candidate -> equal(candidate, value));
            case "!=", "<>" -> record -> !anyMatches(model, record, path, candidate -> equal(candidate, value));
            case "<", ">", "<=", ">=" -> record -> anyMatches(model, record, path, candidate -> compare(candidate, op, value));
            case "in" -> record -> anyMatches(model, record, path, candidate -> in(candidate, value));
            case "not in" -> record -> !anyMatches(model, record, path, candidate -> in(candidate, value));
            case "like", "ilike", "=like", "=ilike" -> record -> anyMatches(model, record, path, candidate -> like(candidate, op, value));
            case "not like", "not ilike" -> record -> !anyMatches(model, record, path,
                    candidate -> like(candidate, op.substring(4), value));
            // '=?': no value means no condition at all.
            case "=?" -> value == null || Boolean.FALSE.equals(value) ? record -> true
                    : record -> anyMatches(model, record, path, candidate -> equal(candidate, value));
            case "child_of", "parent_of" -> hierarchy(model, leaf, path, op.equals("child_of"), value);
            case "any", "not any" -> {
                Predicate<Map<String, Object>> related = related(model, leaf, path, value);
                yield op.equals("any") ? related : related.negate();
            }
            default -> throw OdooFault.valueError("Invalid leaf " + leaf + ": unknown operator " + operator);
        };
    }

    /**
     * {@code child_of} holds for the given records and everything below them by {@code parent_id};
     * {@code parent_of} for the given records and everything above them. The path names the records
     * tested: {@code id} for the model's own, a many2one for the records it points to.
     */
    private Predicate<Map<String, Object>> hierarchy(ModelSpec model, List<?> leaf, String path, boolean children, Object value) {
        ModelSpec target = path.equals("id") ? model : records.model(model.field(path).relation());
        if (!target.has("parent_id")) {
            throw OdooFault.valueError("Invalid leaf " + leaf + ": " + target.name() + " has no parent_id to follow");
        }
        List<Long> given = OdooDatabase.Transaction.ids(value instanceof Collection<?> ? value : List.of(value));
        return record -> anyMatches(model, record, path, candidate -> candidate instanceof Number id && (children
                ? lineage(target, id.longValue()).stream().anyMatch(given::contains)
                : given.stream().anyMatch(start -> lineage(target, start).contains(id.longValue()))));
    }

    /** A record and its ancestors by parent_id, nearest first. */
    private List<Long> lineage(ModelSpec model, long id) {
        List<Long> line = new ArrayList<>();
        Long current = id;
        while (current != null && !line.contains(current)) {
            line.add(current);
            Map<String, Object> record = records.find(model.name(), current);
            current = record == null || !(record.get("parent_id") instanceof Number parent) ? null : parent.longValue();
        }
        return line;
    }

    /** {@code any}: some record the relational field points to matches the sub-domain. */
    private Predicate<Map<String, Object>> related(ModelSpec model, List<?> leaf, String path, Object subDomain) {
        FieldSpec field = path.contains(".") ? null : model.field(path);
        if (field == null || !field.relational()) {
            throw OdooFault.valueError("Invalid leaf " + leaf + ": 'any' needs a relational field");
        }
        ModelSpec target = records.model(field.relation());
        Predicate<Map<String, Object>> matches = parse(records, target, subDomain);
        return record -> {
            List<Object> ids = new ArrayList<>();
            collect(model, record, new String[] {path}, 0, ids);
            return ids.stream().filter(Number.class::isInstance).map(id -> records.find(target.name(), ((Number) id).longValue()))
                    .anyMatch(found -> found != null && matches.test(found));
        };
    }

    private void checkPath(ModelSpec model, String path, List<?> leaf) {
        ModelSpec current = model;
        for (String part : path.split("\\.")) {
            FieldSpec field = current == null ? null : current.field(part);
            if (field == null) {
                throw OdooFault.valueError("Invalid field " + model.name() + "." + path + " in leaf " + leaf);
            }
            current = field.relational() ? records.model(field.relation()) : null;
        }
    }

    /** Values reached by a dotted path; a path through a to-many field fans out, and a leaf then holds if any value does. */
    private boolean anyMatches(ModelSpec model, Map<String, Object> record, String path, Predicate<Object> test) {
        List<Object> values = new ArrayList<>();
        collect(model, record, path.split("\\."), 0, values);
        if (values.isEmpty()) {
            values.add(null);
        }
        return values.stream().anyMatch(test);
    }

    private void collect(ModelSpec model, Map<String, Object> record, String[] path, int index, List<Object> into) {
        FieldSpec field = model.field(path[index]);
        Object value = field.inverse() != null ? records.childIds(field.relation(), field.inverse(), ((Number) record.get("id")).longValue())
                : record.get(path[index]);
        if (index == path.length - 1) {
            if (field.toMany() && value instanceof Collection<?> ids) {
                into.addAll(ids);
            } else {
                into.add(value);
            }
            return;
        }
        ModelSpec target = records.model(field.relation());
        List<?> ids = value instanceof Collection<?> many ? List.copyOf(many) : value == null ? List.of() : List.of(value);
        for (Object id : ids) {
            Map<String, Object> related = records.find(target.name(), ((Number) id).longValue());
            if (related != null) {
                collect(target, related, path, index + 1, into);
            }
        }
    }

    private static boolean equal(Object candidate, Object value) {
        if (Boolean.FALSE.equals(value) || value == null) {
            return candidate == null || Boolean.FALSE.equals(candidate) || "".equals(candidate);
        }
        if (candidate instanceof Number a && value instanceof Number b) {
            return a.doubleValue() == b.doubleValue();
        }
        return Objects.equals(candidate, value);
    }

    private static boolean compare(Object candidate, String op, Object value) {
        if (candidate == null || value == null || Boolean.FALSE.equals(value)) {
            return false;
        }
        int order = candidate instanceof Number a && value instanceof Number b
                ? Double.compare(a.doubleValue(), b.doubleValue())
                : String.valueOf(candidate).compareTo(String.valueOf(value));
        return switch (op) {
            case "<" -> order < 0;
            case ">" -> order > 0;
            case "<=" -> order <= 0;
            default -> order >= 0;
        };
    }

    private static boolean in(Object candidate, Object values) {
        if (!(values instanceof Collection<?> options)) {
            throw OdooFault.valueError("The operator 'in' expects a list, got " + values);
        }
        return options.stream().anyMatch(option -> equal(candidate, option));
    }

    private static boolean like(Object candidate, String op, Object value) {
        if (candidate == null || value == null) {
            return false;
        }
        // Odoo hands the value to SQL LIKE as it is ('%value%' unless =like): its own % and _ are wildcards too.
        String pattern = Pattern.quote(String.valueOf(value)).replace("%", "\\E.*\\Q").replace("_", "\\E.\\Q");
        String regex = op.startsWith("=") ? pattern : ".*" + pattern + ".*";
        int flags = op.contains("ilike") ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL : Pattern.DOTALL;
        return Pattern.compile(regex, flags).matcher(String.valueOf(candidate)).matches();
    }

    /** An {@code order} clause such as {@code "write_date asc, id desc"}; nulls sort last ascending, as in PostgreSQL. */
    static Comparator<Map<String, Object>> order(ModelSpec model, String clause) {
        String effective = clause == null || clause.isBlank() || Boolean.FALSE.equals(clause) ? model.order() : clause;
        Comparator<Map<String, Object>> comparator = null;
        for (String part : effective.split(",")) {
            String[] words = part.trim().split("\\s+");
            String field = words[0];
            if (!model.has(field)) {
                throw OdooFault.valueError("Invalid field " + field + " on model " + model.name() + " in order " + effective);
            }
            boolean descending = words.length > 1 && words[1].equalsIgnoreCase("desc");
            Comparator<Map<String, Object>> byField = (a, b) -> compareValues(a.get(field), b.get(field));
            byField = descending ? byField.reversed() : byField;
            comparator = comparator == null ? byField : comparator.thenComparing(byField);
        }
        return comparator.thenComparing(record -> ((Number) record.get("id")).longValue());
    }

    private static int compareValues(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    }
}
