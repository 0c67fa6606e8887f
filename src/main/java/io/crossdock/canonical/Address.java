package io.crossdock.canonical;

import java.util.List;

import jakarta.validation.constraints.Pattern;

/** A postal address; {@code country} is ISO 3166-1 alpha-2. */
public record Address(
        List<String> street,
        String city,
        String region,
        String postalCode,
        @Pattern(regexp = "^[A-Z]{2}$") String country) {
}
