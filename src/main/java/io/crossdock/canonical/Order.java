package io.crossdock.canonical;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A customer's purchase order, as received from any channel (EDI 850/ORDERS, REST).
 * Its business key is the partner's PO number.
 *
 * @param partner the trading partner or calling system it came from
 */
public record Order(
        @NotBlank String poNumber,
        @NotBlank String partner,
        @NotNull LocalDate orderDate,
        @NotNull Purpose purpose,
        @NotNull @Valid Party buyer,
        @Valid Party seller,
        @Valid Party shipTo,
        @Valid Party billTo,
        @NotNull @Pattern(regexp = "^[A-Z]{3}$") String currency,
        LocalDate requestedDeliveryDate,
        @NotNull @Size(min = 1) @Valid List<OrderLine> lines,
        List<String> notes) {

    public enum Purpose { ORIGINAL, CHANGE, CANCELLATION }

    /** One ordered product; the line number is the partner's, echoed in acknowledgments and ASNs. */
    public record OrderLine(
            @NotBlank String lineNumber,
            @NotNull @Valid ProductRef product,
            @NotNull @Valid Quantity quantity,
            @Valid Money unitPrice,
            LocalDate requestedDeliveryDate) {
    }
}
