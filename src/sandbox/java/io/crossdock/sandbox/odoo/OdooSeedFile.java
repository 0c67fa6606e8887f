package io.crossdock.sandbox.odoo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Loads a seed file (models → records, plus on-hand stock by product code) into an emulated Odoo. */
public final class OdooSeedFile {

    private OdooSeedFile() {
    }

    /**
     * The record with each many2one given by name instead of id ({@code country_id: US}) replaced by
     * the id of the one record that has it as its {@code code} (or, for models without one, its {@code name}).
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolved(OdooEmulator odoo, Path file, String model, Map<String, Object> record) {
        Map<String, Map<String, Object>> fields = (Map<String, Map<String, Object>>) odoo.execute(model, "fields_get", List.of(),
                Map.of("attributes", List.of("type", "relation")), Map.of());
        Map<String, Object> resolved = new java.util.LinkedHashMap<>(record);
        record.forEach((field, value) -> {
            Map<String, Object> meta = fields.get(field);
            if (value instanceof String name && meta != null && "many2one".equals(meta.get("type"))) {
                String target = (String) meta.get("relation");
                Map<?, ?> targetFields = (Map<?, ?>) odoo.execute(target, "fields_get", List.of(), Map.of(), Map.of());
                List<Map<String, Object>> found = odoo.searchRead(target,
                        List.of(List.of(targetFields.containsKey("code") ? "code" : "name", "=", name)), List.of("id"));
                if (found.size() != 1) {
                    throw new IllegalArgumentException("The Odoo seed " + file + " gives " + model + "." + field + " as '" + name + "', which "
                            + found.size() + " " + target + " records have (one must)");
                }
                resolved.put(field, found.get(0).get("id"));
            }
        });
        return resolved;
    }

    @SuppressWarnings("unchecked")
    public static void load(OdooEmulator odoo, Path file) {
        if (!Files.exists(file)) {
            return;
        }
        Map<String, Object> seed;
        try {
            seed = new ObjectMapper(new YAMLFactory()).readValue(file.toFile(), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException("The Odoo seed " + file + " cannot be read: " + e.getMessage(), e);
        }
        seed.forEach((model, records) -> {
            if (!model.equals("stock")) {
                for (Object record : (List<Object>) records) {
                    odoo.create(model, resolved(odoo, file, model, (Map<String, Object>) record));
                }
            }
        });
        ((Map<String, Object>) seed.getOrDefault("stock", Map.of())).forEach((code, quantity) -> {
            List<Map<String, Object>> product = odoo.searchRead("product.product", List.of(List.of("default_code", "=", code)), List.of("id"));
            if (product.isEmpty()) {
                throw new IllegalArgumentException("The Odoo seed " + file + " stocks " + code + ", which no product has as default_code");
            }
            long quant = odoo.create("stock.quant", Map.of("product_id", product.get(0).get("id"), "location_id", 1,
                    "inventory_quantity", ((Number) quantity).doubleValue()));
            odoo.execute("stock.quant", "action_apply_inventory", List.of(quant), Map.of(), Map.of());
        });
    }
}
