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
                    odoo.create(model, (Map<String, Object>) record);
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
