package io.crossdock.canonical;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** A payment no open invoice could be matched to, with why, for a person to resolve. */
public record UnmatchedPayment(
        @NotNull @Valid Payment payment,
        @NotBlank String reason,
        @NotNull List<String> candidateInvoices) {
}
