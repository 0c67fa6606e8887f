package io.crossdock.partner;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A trading partner as data: who it is and where its files come and go. Values may hold
 * {@code {{placeholders}}} resolved from configuration, so secrets stay in the environment.
 */
public record PartnerProfile(
        @JsonProperty(required = true) String id,
        String name,
        @JsonProperty(required = true) Sftp sftp,
        Edi edi,
        Orders orders,
        Map<String, String> carriers) {

    public PartnerProfile(String id, String name, Sftp sftp, Edi edi) {
        this(id, name, sftp, edi, null, null);
    }

    /**
     * The partner's code for an Odoo delivery carrier (its SCAC in X12: "UPS Ground" → UPSN), by the
     * carrier's name in Odoo; a carrier not listed keeps its Odoo name.
     */
    public String carrierCode(String odooCarrier) {
        return carriers != null && carriers.containsKey(odooCarrier) ? carriers.get(odooCarrier) : odooCarrier;
    }

    /**
     * How the partner's orders become Odoo sale orders: which Odoo customer they belong to and what
     * happens to lines Odoo cannot take as sent. Partner differences live here, not in code.
     *
     * @param customer the Odoo customer's reference ({@code res.partner.ref}); without it the
     *     buyer's identifiers are looked up as references
     * @param priceTolerance the relative difference between the partner's and Odoo's unit price
     *     still accepted (0.01 = 1 %)
     * @param onPriceMismatch {@code reject-line}, {@code use-odoo-price} or {@code use-partner-price}
     * @param onUnknownProduct {@code reject-line} or {@code reject-order}
     * @param createShipTo whether an unknown ship-to location becomes a delivery address of the customer
     * @param onShortage what happens to a line Odoo has not enough free stock for: {@code backorder} (ordered
     *     all the same, acknowledged as backordered), {@code reject-line}, or {@code ignore}
     * @param onCreditLimit what happens when Odoo warns the order passes the customer's credit limit:
     *     {@code hold} (left unconfirmed for a person; confirming it in Odoo releases it) or {@code confirm}
     */
    public record Orders(String customer, java.math.BigDecimal priceTolerance, String onPriceMismatch,
            String onUnknownProduct, Boolean createShipTo, String onShortage, String onCreditLimit) {

        public static final List<String> PRICE_MISMATCH = List.of("reject-line", "use-odoo-price", "use-partner-price");
        public static final List<String> UNKNOWN_PRODUCT = List.of("reject-line", "reject-order");
        public static final List<String> SHORTAGE = List.of("backorder", "reject-line", "ignore");
        public static final List<String> CREDIT_LIMIT = List.of("hold", "confirm");
        public static final Orders DEFAULTS = new Orders(null, null, null, null, null, null, null);

        public String onCreditLimitOrDefault() {
            return onCreditLimit != null ? onCreditLimit : "hold";
        }

        public java.math.BigDecimal priceToleranceOrDefault() {
            return priceTolerance != null ? priceTolerance : new java.math.BigDecimal("0.01");
        }

        public String onPriceMismatchOrDefault() {
            return onPriceMismatch != null ? onPriceMismatch : "reject-line";
        }

        public String onUnknownProductOrDefault() {
            return onUnknownProduct != null ? onUnknownProduct : "reject-line";
        }

        public String onShortageOrDefault() {
            return onShortage != null ? onShortage : "backorder";
        }

        public boolean createShipToOrDefault() {
            return createShipTo == null || createShipTo;
        }
    }

    public Orders ordersOrDefaults() {
        return orders != null ? orders : Orders.DEFAULTS;
    }

    /** The partner's SFTP account, polled by the file intake. */
    public record Sftp(
            @JsonProperty(required = true) String host,
            String port,
            @JsonProperty(required = true) String username,
            String password,
            String privateKeyFile,
            @JsonProperty(required = true) String knownHostsFile,
            String inbox,
            String outbox,
            String pollInterval,
            String stableFor) {

        public String portOrDefault() {
            return port == null ? "22" : port;
        }

        public String inboxOrDefault() {
            return inbox == null ? "inbox" : inbox;
        }

        public String outboxOrDefault() {
            return outbox == null ? "outbox" : outbox;
        }
    }

    /**
     * How the partner speaks EDI: its identifiers (as in ISA05/06 or UNB02), ours towards it, which
     * acknowledgment it wants, how long a resent interchange counts as a duplicate, and which
     * inbound documents become which canonical events through which mapping.
     */
    public record Edi(
            @JsonProperty(required = true) String standard,
            @JsonProperty(required = true) List<Identifier> identifiers,
            @JsonProperty(required = true) Identifier us,
            String applicationId,
            String acknowledgment,
            java.time.Duration duplicateWindow,
            String defaultCurrency,
            String errorFolder,
            Map<String, InboundDocument> inbound,
            Map<String, OutboundDocument> outbound,
            String version,
            Boolean test,
            java.time.Duration acknowledgmentDue,
            String charset,
            String syntaxVersion,
            Delimiters delimiters) {

        public Edi(String standard, List<Identifier> identifiers, Identifier us, String applicationId, String acknowledgment,
                java.time.Duration duplicateWindow, String defaultCurrency, String errorFolder,
                Map<String, InboundDocument> inbound) {
            this(standard, identifiers, us, applicationId, acknowledgment, duplicateWindow, defaultCurrency, errorFolder, inbound,
                    null, null, null, null, null, null, null);
        }

        public Map<String, OutboundDocument> outboundOrNone() {
            return outbound != null ? outbound : Map.of();
        }

        /**
         * X12: ISA12 of what we send (00401 unless the partner's profile says otherwise). EDIFACT: the
         * message version in UNH after the type (D:96A:UN unless said otherwise; an outbound document may
         * name its own, with an association code such as D:96A:UN:EAN008).
         */
        public String versionOrDefault() {
            return version != null ? version : isEdifact() ? "D:96A:UN" : "00401";
        }

        public boolean isEdifact() {
            return "EDIFACT".equals(standard);
        }

        /** EDIFACT: the character set we write in (UNB 0001), UNOC (ISO 8859-1) unless the partner's profile says otherwise. */
        public String charsetOrDefault() {
            return charset != null ? charset : "UNOC";
        }

        /** EDIFACT: the syntax version we write (UNB 0002), 3 unless said otherwise; 4 writes dates with the century. */
        public String syntaxVersionOrDefault() {
            return syntaxVersion != null ? syntaxVersion : "3";
        }

        public boolean testOrDefault() {
            return test != null && test;
        }

        public static final List<String> ACKNOWLEDGMENTS = List.of("997", "999", "CONTRL", "none");

        public String acknowledgmentOrDefault() {
            return acknowledgment != null ? acknowledgment : "X12".equals(standard) ? "997" : "CONTRL";
        }

        public java.time.Duration duplicateWindowOrDefault() {
            return duplicateWindow != null ? duplicateWindow : java.time.Duration.ofDays(30);
        }

        public String errorFolderOrDefault() {
            return errorFolder != null ? errorFolder : "error";
        }

        public String applicationIdOrDefault() {
            return applicationId != null ? applicationId : us.id();
        }

        public Map<String, InboundDocument> inboundOrNone() {
            return inbound != null ? inbound : Map.of();
        }

        public boolean knows(String qualifier, String id) {
            return identifiers.stream().anyMatch(i -> i.qualifier().equals(qualifier) && i.id().equals(id));
        }
    }

    /**
     * A document we send the partner (855, 856, 810, ...): which canonical events make one, and the
     * mapping (under {@code mappings/}) from the event's data to the document's segments.
     */
    public record OutboundDocument(@JsonProperty(required = true) List<String> events,
            @JsonProperty(required = true) String mapping, String version) {

        public OutboundDocument(List<String> events, String mapping) {
            this(events, mapping, null);
        }

        /** The document's own version (an EDIFACT message's UNH S009 after the type), else the partner's. */
        public String versionOr(String partners) {
            return version != null ? version : partners;
        }
    }

    /** Delimiters to write to the partner, each one character; those not named are the standard's usual ones. */
    public record Delimiters(String segment, String element, String component, String repetition, String release) {
    }

    /** An interchange sender or receiver id with its qualifier (ISA05/06, UNB 0007/0004). */
    public record Identifier(@JsonProperty(required = true) String qualifier, @JsonProperty(required = true) String id) {
    }

    /**
     * What an inbound transaction type becomes: the canonical event, the mapping and, for X12, the
     * loop structure it is read with (paths relative to {@code mappings/}).
     */
    public record InboundDocument(@JsonProperty(required = true) String event,
            @JsonProperty(required = true) String mapping, String loops) {
    }

    public String displayName() {
        return name == null ? id : name;
    }
}
