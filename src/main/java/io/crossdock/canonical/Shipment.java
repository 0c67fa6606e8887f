package io.crossdock.canonical;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Goods leaving the warehouse for a customer (856/DESADV): carrier, tracking and packages with
 * their SSCC labels and contents. Its business key is the shipment id (Odoo picking name).
 */
public record Shipment(
        @NotBlank String shipmentId,
        @NotBlank String partner,
        @NotNull List<String> poNumbers,
        String orderReference,
        @Valid Party shipFrom,
        @NotNull @Valid Party shipTo,
        @Valid Carrier carrier,
        String trackingNumber,
        @NotNull OffsetDateTime shippedAt,
        LocalDate estimatedDelivery,
        @NotNull @Valid List<ShipmentPackage> packages) {

    /** A carrier by its SCAC or the carrier's code, with the booked service level. */
    public record Carrier(@NotBlank String code, String name, String service) {
    }

    /** One labelled package (carton or pallet) and what is in it. */
    public record ShipmentPackage(
            @Pattern(regexp = "^[0-9]{18}$") String sscc,
            String packagingType,
            @Valid Quantity grossWeight,
            @NotNull @Valid List<PackedItem> items) {
    }

    public record PackedItem(
            @NotBlank String lineNumber,
            @NotNull @Valid ProductRef product,
            @NotNull @Valid Quantity quantity) {
    }
}
