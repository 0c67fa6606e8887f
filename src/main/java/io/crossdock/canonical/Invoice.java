package io.crossdock.canonical;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A posted customer invoice or credit note (810/INVOIC). Its business key is the invoice number. */
public record Invoice(
        @NotBlank String invoiceNumber,
        @NotNull Kind kind,
        @NotBlank String partner,
        @NotNull LocalDate invoiceDate,
        LocalDate dueDate,
        String poNumber,
        String orderReference,
        @NotNull @Valid Party seller,
        @NotNull @Valid Party buyer,
        @NotNull @Pattern(regexp = "^[A-Z]{3}$") String currency,
        @NotNull @Size(min = 1) @Valid List<InvoiceLine> lines,
        @NotNull @Valid List<TaxAmount> taxes,
        @NotNull @Valid List<Charge> charges,
        @NotNull @Valid Totals totals,
        @Valid PaymentTerms terms) {

    public enum Kind { INVOICE, CREDIT_NOTE }

    public record InvoiceLine(
            @NotBlank String lineNumber,
            @NotNull @Valid ProductRef product,
            @NotNull @Valid Quantity quantity,
            @NotNull @Valid Money unitPrice,
            @NotNull @Valid Money lineTotal,
            List<String> taxCodes) {
    }

    /** Tax per code: the base it applies to, the rate in percent, the amount. */
    public record TaxAmount(@NotBlank String code, BigDecimal ratePercent, @NotNull @Valid Money base,
            @NotNull @Valid Money amount) {
    }

    /** An allowance (negative) or charge (positive) outside the lines, such as freight. */
    public record Charge(@NotBlank String code, String description, @NotNull @Valid Money amount) {
    }

    public record Totals(@NotNull @Valid Money lines, @NotNull @Valid Money tax, @NotNull @Valid Money charges,
            @NotNull @Valid Money total) {
    }

    public record PaymentTerms(String description, Integer netDays, BigDecimal discountPercent,
            Integer discountDays) {
    }
}
