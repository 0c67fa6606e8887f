package io.crossdock.sandbox.odoo;

import java.util.List;
import java.util.Map;

/** One field of an emulated Odoo model, with the attributes {@code fields_get} reports. */
record FieldSpec(String name, String type, String relation, String inverse, boolean isRequired, boolean isReadonly,
        Object defaultValue, List<String> selection) {

    static FieldSpec of(String name, String type) {
        return new FieldSpec(name, type, null, null, false, false, null, List.of());
    }

    static FieldSpec many2one(String name, String relation) {
        return new FieldSpec(name, "many2one", relation, null, false, false, null, List.of());
    }

    static FieldSpec one2many(String name, String relation, String inverse) {
        return new FieldSpec(name, "one2many", relation, inverse, false, false, null, List.of());
    }

    static FieldSpec many2many(String name, String relation) {
        return new FieldSpec(name, "many2many", relation, null, false, false, null, List.of());
    }

    /** A many2many Odoo computes from the records pointing back (purchase.order.picking_ids): read-only, never stored. */
    static FieldSpec computedMany2many(String name, String relation, String inverse) {
        return new FieldSpec(name, "many2many", relation, inverse, false, true, null, List.of());
    }

    static FieldSpec selection(String name, String defaultValue, String... values) {
        return new FieldSpec(name, "selection", null, null, false, false, defaultValue, List.of(values));
    }

    FieldSpec required() {
        return new FieldSpec(name, type, relation, inverse, true, isReadonly, defaultValue, selection);
    }

    FieldSpec readonly() {
        return new FieldSpec(name, type, relation, inverse, isRequired, true, defaultValue, selection);
    }

    FieldSpec defaultsTo(Object value) {
        return new FieldSpec(name, type, relation, inverse, isRequired, isReadonly, value, selection);
    }

    boolean relational() {
        return relation != null;
    }

    boolean toMany() {
        return "one2many".equals(type) || "many2many".equals(type);
    }

    Map<String, Object> describe() {
        var description = new java.util.LinkedHashMap<String, Object>();
        description.put("type", type);
        description.put("string", label());
        description.put("required", isRequired);
        description.put("readonly", isReadonly);
        if (relation != null) {
            description.put("relation", relation);
        }
        if (inverse != null && "one2many".equals(type)) {
            description.put("relation_field", inverse);
        }
        if (!selection.isEmpty()) {
            description.put("selection", selection.stream().map(value -> List.of(value, value)).toList());
        }
        return description;
    }

    private String label() {
        String words = name.replace("_id", "").replace("_ids", "").replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
