package io.crossdock.canonical;

import java.time.OffsetDateTime;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** Stock of one product at one location (846/INVRPT). Its business key is location and product. */
public record InventoryPosition(
        @NotNull @Valid ProductRef product,
        @NotBlank String location,
        @NotNull @Valid Quantity onHand,
        @NotNull @Valid Quantity available,
        @NotNull OffsetDateTime asOf) {
}
