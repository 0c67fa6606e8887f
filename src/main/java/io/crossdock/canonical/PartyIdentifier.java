package io.crossdock.canonical;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * One way to name a party: a GLN, a DUNS number, a code a trading partner uses, or an Odoo id.
 *
 * @param issuer for {@link Scheme#PARTNER} codes, the trading partner whose code it is
 */
public record PartyIdentifier(@NotNull Scheme scheme, @NotBlank String value, String issuer) {

    public enum Scheme { GLN, DUNS, PARTNER, ODOO }
}
