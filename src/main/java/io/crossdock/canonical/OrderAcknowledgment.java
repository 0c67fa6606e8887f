package io.crossdock.canonical;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Our answer to an order (855/ORDRSP): accepted as is, accepted with changes, or rejected, line by
 * line with the reason.
 *
 * @param orderReference the order's name in Odoo (e.g. S00042), once created
 */
public record OrderAcknowledgment(
        @NotBlank String poNumber,
        @NotBlank String partner,
        String orderReference,
        @NotNull Status status,
        @NotNull LocalDate acknowledgedOn,
        @NotNull @Valid List<LineAcknowledgment> lines,
        String reason) {

    public enum Status { ACCEPTED, CHANGED, REJECTED }

    public enum LineStatus { ACCEPTED, CHANGED, BACKORDERED, REJECTED }

    public record LineAcknowledgment(
            @NotBlank String lineNumber,
            @NotNull LineStatus status,
            @Valid ProductRef product,
            @Valid Quantity quantity,
            @Valid Money unitPrice,
            LocalDate scheduledDate,
            String reason) {
    }
}
