package io.crossdock.odoo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Odoo's wire conventions to Java and back, driven by the field types {@code fields_get} reports:
 * {@code false} for empty becomes null (but stays false for booleans), a many2one pair becomes an
 * {@link OdooRef}, datetimes are naive UTC strings on the wire and {@link Instant}s here, dates are
 * {@link LocalDate}s, floats are {@link BigDecimal}s, and a list of maps given for an x2many field
 * becomes create commands.
 */
final class OdooValues {

    static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private OdooValues() {
    }

    static Map<String, Object> recordFromWire(Map<?, ?> record, Map<String, Map<String, Object>> fields) {
        Map<String, Object> values = new LinkedHashMap<>();
        record.forEach((name, value) -> values.put(String.valueOf(name), fromWire(value, fields.get(String.valueOf(name)))));
        return values;
    }

    static Object fromWire(Object value, Map<String, Object> field) {
        String type = field == null ? guessType(value) : String.valueOf(field.get("type"));
        if (Boolean.FALSE.equals(value) && !"boolean".equals(type)) {
            return null;
        }
        return switch (type) {
            case "many2one" -> value instanceof List<?> pair && pair.size() == 2
                    ? new OdooRef(((Number) pair.get(0)).longValue(), String.valueOf(pair.get(1)))
                    : value instanceof Number id ? new OdooRef(id.longValue(), null) : value;
            case "one2many", "many2many" -> value instanceof Collection<?> ids
                    ? ids.stream().map(id -> id instanceof Number n ? (Object) n.longValue() : id).toList() : value;
            case "integer", "id" -> value instanceof Number number ? (Object) number.longValue() : value;
            case "float", "monetary" -> value instanceof Number number ? (Object) new BigDecimal(number.toString()) : value;
            case "datetime" -> value instanceof String text
                    ? LocalDateTime.parse(text, DATETIME).toInstant(ZoneOffset.UTC) : value;
            case "date" -> value instanceof String text ? LocalDate.parse(text) : value;
            default -> value;
        };
    }

    private static String guessType(Object value) {
        return value instanceof Integer || value instanceof Long ? "integer" : "unknown";
    }

    /**
     * A value for Odoo. {@code nested} converts the values of a record created through an x2many
     * field with the related model's own rules.
     */
    static Object toWire(Object value, Map<String, Object> field,
            BiFunction<String, Map<String, Object>, Map<String, Object>> nested) {
        String type = field == null ? "" : String.valueOf(field.get("type"));
        if (value == null) {
            return false;
        }
        if (("one2many".equals(type) || "many2many".equals(type)) && value instanceof Collection<?> items) {
            return x2many(items, String.valueOf(field.get("relation")), nested);
        }
        return scalar(value);
    }

    static Object scalar(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof OdooRef ref) {
            return ref.id();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.doubleValue();
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        if (value instanceof Instant instant) {
            return DATETIME.format(instant.atOffset(ZoneOffset.UTC));
        }
        if (value instanceof OffsetDateTime time) {
            return DATETIME.format(time.withOffsetSameInstant(ZoneOffset.UTC));
        }
        if (value instanceof ZonedDateTime time) {
            return DATETIME.format(time.withZoneSameInstant(ZoneOffset.UTC));
        }
        if (value instanceof LocalDateTime time) {
            return DATETIME.format(time);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> converted = new LinkedHashMap<>();
            map.forEach((key, item) -> converted.put(String.valueOf(key), scalar(item)));
            return converted;
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(OdooValues::scalar).toList();
        }
        return value;
    }

    /** Maps become create commands, ids a replace command; explicit commands pass through. */
    @SuppressWarnings("unchecked")
    private static Object x2many(Collection<?> items, String relation,
            BiFunction<String, Map<String, Object>, Map<String, Object>> nested) {
        if (items.isEmpty()) {
            return List.of(List.of(6, 0, List.of()));
        }
        if (items.stream().allMatch(item -> item instanceof Number || item instanceof OdooRef)) {
            return List.of(List.of(6, 0, items.stream().map(OdooValues::scalar).toList()));
        }
        List<Object> commands = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof Map<?, ?> vals) {
                commands.add(List.of(0, 0, nested.apply(relation, (Map<String, Object>) vals)));
            } else if (item instanceof List<?> command && command.size() == 3 && command.get(0) instanceof Number code) {
                Object payload = command.get(2) instanceof Map<?, ?> vals && (code.intValue() == 0 || code.intValue() == 1)
                        ? nested.apply(relation, (Map<String, Object>) vals) : scalar(command.get(2));
                commands.add(java.util.Arrays.asList(code.intValue(), scalar(command.get(1)), payload));
            } else {
                throw new IllegalArgumentException("An x2many value must be records (maps), ids or Odoo commands"
                        + " such as [0, 0, {...}]; got " + item);
            }
        }
        return commands;
    }
}
