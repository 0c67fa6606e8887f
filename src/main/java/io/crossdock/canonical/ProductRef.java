package io.crossdock.canonical;

import java.util.List;

import jakarta.validation.constraints.Pattern;

/**
 * A product as documents name it: our SKU, its GTIN, the item numbers partners use, or several of
 * them. Resolving them to one Odoo product is the Odoo adapter's work.
 */
public record ProductRef(
        String sku,
        @Pattern(regexp = "^[0-9]{8,14}$") String gtin,
        List<PartnerItemNumber> partnerItemNumbers,
        String description) {

    /** An item number in a partner's own catalogue (buyer's or vendor's part number). */
    public record PartnerItemNumber(String partner, String qualifier, String value) {
    }
}
