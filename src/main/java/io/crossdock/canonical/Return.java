package io.crossdock.canonical;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Goods a customer sent back, as received at the warehouse. Its business key is the RMA number. */
public record Return(
        @NotBlank String returnNumber,
        @NotBlank String partner,
        String poNumber,
        String orderReference,
        @NotNull @Valid Party customer,
        @NotNull OffsetDateTime receivedAt,
        @NotNull @Size(min = 1) @Valid List<ReturnLine> lines) {

    public record ReturnLine(@NotNull @Valid ProductRef product, @NotNull @Valid Quantity quantity, String reason) {
    }
}
