package io.crossdock.canonical;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Money received or paid, as a bank statement reports it (camt.053 entry, MT940 :61:, BAI2 16).
 * Its business key is the bank's reference for the entry.
 *
 * @param references what the payer wrote: end-to-end id, remittance lines, creditor (RF) reference
 */
public record Payment(
        @NotBlank String paymentReference,
        @NotNull Direction direction,
        @NotNull @Valid Money amount,
        @NotNull LocalDate valueDate,
        LocalDate bookingDate,
        @NotNull @Valid References references,
        @Valid Counterparty counterparty,
        String accountId) {

    public enum Direction { CREDIT, DEBIT }

    public record References(String endToEndId, String creditorReference, @NotNull List<String> remittanceInformation) {
    }

    public record Counterparty(String name, String iban, String bic) {
    }
}
