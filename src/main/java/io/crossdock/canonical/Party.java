package io.crossdock.canonical;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A customer, supplier, ship-to or bill-to, known by as many identifiers as the systems use. */
public record Party(
        @NotNull Role role,
        String name,
        @NotNull @Size(min = 1) List<PartyIdentifier> identifiers,
        Address address) {

    public enum Role { CUSTOMER, SUPPLIER, SHIP_TO, BILL_TO, SHIP_FROM, PAYER, PAYEE }
}
