package io.crossdock.canonical;

import java.math.BigDecimal;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** An amount in a currency. Never a binary float: amounts are exact decimals, as on an invoice. */
public record Money(
        @NotNull BigDecimal amount,
        @NotNull @Pattern(regexp = "^[A-Z]{3}$") String currency) {

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }
}
