package io.crossdock.edi;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.crossdock.canonical.CanonicalSchemas;
import io.crossdock.canonical.EventType;
import io.crossdock.canonical.Violation;
import io.crossdock.partner.PartnerProfile;

/** Turns a valid transaction into the canonical event data its partner's profile names, checked against the schema. */
public final class TransactionMapper {

    /** The outcome: data and event type when it mapped cleanly, otherwise the problem. */
    public record Mapped(EventType type, JsonNode data, List<Violation> violations, String problem) {

        public boolean ok() {
            return problem == null && violations.isEmpty();
        }
    }

    private final EdiMappings mappings;
    private final CanonicalSchemas schemas;

    public TransactionMapper(EdiMappings mappings, CanonicalSchemas schemas) {
        this.mappings = mappings;
        this.schemas = schemas;
    }

    public Mapped map(EdiTransaction transaction, PartnerProfile partner) {
        PartnerProfile.InboundDocument route = partner.edi().inboundOrNone().get(transaction.type());
        if (route == null) {
            return new Mapped(null, null, List.of(), partner.id() + "'s profile maps no " + transaction.type()
                    + " documents");
        }
        EventType type = EventType.byName(route.event()).orElseThrow();
        JsonNode data;
        try {
            data = mappings.mapping(route.mapping()).apply(TransactionJson.of(transaction, mappings.loops(route.loops())),
                    bindings(transaction, partner.id(), partner.edi().defaultCurrency()));
        } catch (DocumentMapping.MappingException e) {
            return new Mapped(type, null, List.of(), e.getMessage());
        }
        return new Mapped(type, data, schemas.validateData(type, data), null);
    }

    /**
     * What a mapping knows besides the transaction: {@code $partner} (profile id), {@code $sender}
     * (qualifier and id from ISA/UNB), {@code $sent} (the interchange's date, ISO) and
     * {@code $defaults.currency} (the profile's default currency).
     */
    public static Map<String, Object> bindings(EdiTransaction transaction, String partner, String defaultCurrency) {
        Envelope interchange = transaction.interchange();
        return Map.of("partner", partner,
                "sender", Map.of("qualifier", interchange.senderQualifier(), "id", interchange.senderId()),
                "sent", isoDate(interchange.date()),
                "defaults", Map.of("currency", defaultCurrency == null ? "" : defaultCurrency));
    }

    /** ISA09 and UNB S004 give YYMMDD (UNB also CCYYMMDD); two-digit years are this century's. */
    static String isoDate(String date) {
        String digits = date == null ? "" : date.trim();
        if (digits.length() == 6) {
            digits = "20" + digits;
        }
        return digits.length() == 8 ? digits.substring(0, 4) + "-" + digits.substring(4, 6) + "-" + digits.substring(6) : "";
    }
}
