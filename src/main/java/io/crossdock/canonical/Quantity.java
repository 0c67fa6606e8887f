package io.crossdock.canonical;

import java.math.BigDecimal;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A quantity always carries its unit (UN/ECE Recommendation 20 codes such as EA, KGM, CT). */
public record Quantity(
        @NotNull BigDecimal value,
        @NotNull @Pattern(regexp = "^[A-Z0-9]{1,3}$") String unit) {

    public static Quantity of(String value, String unit) {
        return new Quantity(new BigDecimal(value), unit);
    }
}
