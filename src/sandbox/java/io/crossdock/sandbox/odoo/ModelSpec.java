package io.crossdock.sandbox.odoo;

import java.util.LinkedHashMap;
import java.util.Map;

/** An emulated Odoo model: its fields (as of one Odoo version), its record name and default order. */
final class ModelSpec {

    private final String name;
    private final Map<String, FieldSpec> fields = new LinkedHashMap<>();
    private String recordName = "name";
    private String order = "id";

    ModelSpec(String name) {
        this.name = name;
        add(FieldSpec.of("id", "integer").readonly());
        add(FieldSpec.of("display_name", "char").readonly());
        add(FieldSpec.of("create_date", "datetime").readonly());
        add(FieldSpec.of("write_date", "datetime").readonly());
        add(FieldSpec.many2one("create_uid", "res.users").readonly());
        add(FieldSpec.many2one("write_uid", "res.users").readonly());
    }

    ModelSpec add(FieldSpec... specs) {
        for (FieldSpec spec : specs) {
            fields.put(spec.name(), spec);
        }
        return this;
    }

    ModelSpec remove(String field) {
        fields.remove(field);
        return this;
    }

    ModelSpec recordName(String field) {
        this.recordName = field;
        return this;
    }

    ModelSpec order(String order) {
        this.order = order;
        return this;
    }

    String name() {
        return name;
    }

    String recordName() {
        return recordName;
    }

    String order() {
        return order;
    }

    Map<String, FieldSpec> fields() {
        return fields;
    }

    FieldSpec field(String field) {
        return fields.get(field);
    }

    boolean has(String field) {
        return fields.containsKey(field);
    }
}
