package io.crossdock.inventory;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.crossdock.canonical.CanonicalJson;
import io.crossdock.canonical.InventoryPosition;
import io.crossdock.canonical.ProductRef;
import io.crossdock.canonical.Quantity;
import io.crossdock.odoo.OdooRequests;
import org.apache.camel.Exchange;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * What can be promised per SKU, from Odoo: on hand, and available (on hand less what is reserved
 * for other orders). Answers are kept for {@code crossdock.availability.cache-ttl} so a busy web shop
 * does not ask Odoo for every page view, and forgotten as soon as an InventoryAdjusted names the
 * SKU (routes/inventory/availability-cache.yaml), so a stock change shows at once.
 */
@ApplicationScoped
@Named("availability")
public class Availability {

    private static final Logger LOG = Logger.getLogger(Availability.class);
    /** Odoo counts every internal location of every warehouse. */
    static final String ALL_WAREHOUSES = "ALL";

    private final OdooRequests odoo;
    private final Cache<String, InventoryPosition> positions;

    public Availability(OdooRequests odoo, @ConfigProperty(name = "crossdock.availability.cache-ttl") Duration ttl,
            /** The most SKUs whose answer is kept. */
            @ConfigProperty(name = "crossdock.availability.cache-size", defaultValue = "10000") long size) {
        this.odoo = odoo;
        this.positions = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(size).build();
    }

    /** The positions of the SKUs Odoo knows, in the order asked; one Odoo call for all that are not cached. */
    public Map<String, InventoryPosition> of(List<String> skus) {
        Map<String, InventoryPosition> found = new LinkedHashMap<>(positions.getAllPresent(skus));
        List<String> missing = skus.stream().filter(sku -> !found.containsKey(sku)).distinct().toList();
        if (!missing.isEmpty()) {
            OffsetDateTime asOf = OffsetDateTime.now(ZoneOffset.UTC);
            for (Map<String, Object> product : odoo.searchRead("product.product", List.of(List.of("default_code", "in", missing)),
                    "default_code,barcode,qty_available,free_qty", 0)) {
                String sku = (String) product.get("default_code");
                String barcode = product.get("barcode") instanceof String code && code.matches("[0-9]{8,14}") ? code : null;
                InventoryPosition position = new InventoryPosition(new ProductRef(sku, barcode, null, null), ALL_WAREHOUSES,
                        units(product.get("qty_available")), units(product.get("free_qty")), asOf);
                positions.put(sku, position);
                found.put(sku, position);
            }
        }
        Map<String, InventoryPosition> ordered = new LinkedHashMap<>();
        skus.stream().filter(found::containsKey).forEach(sku -> ordered.put(sku, found.get(sku)));
        return ordered;
    }

    /** Body: an InventoryAdjusted event's data; its SKU is asked of Odoo again next time. */
    public void adjusted(Exchange exchange) {
        try {
            JsonNode position = CanonicalJson.MAPPER.readTree(exchange.getMessage().getBody(byte[].class));
            String sku = position.path("product").path("sku").asText(null);
            if (sku != null) {
                positions.invalidate(sku);
            } else {
                positions.invalidateAll();
            }
        } catch (java.io.IOException | RuntimeException e) {
            // Forgetting everything is always safe; answering from a cache that missed a change is not.
            LOG.warnf("An inventory event without readable data (%s); forgetting every cached position", e.getMessage());
            positions.invalidateAll();
        }
    }

    private static Quantity units(Object value) {
        BigDecimal quantity = value instanceof BigDecimal decimal ? decimal : new BigDecimal(String.valueOf(value == null ? 0 : value));
        BigDecimal plain = quantity.stripTrailingZeros();
        return new Quantity(plain.scale() < 0 ? plain.setScale(0) : plain, "EA");
    }
}
