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
        Envelope interchange = transaction.interchange();
        JsonNode data;
        try {
            data = mappings.mapping(route.mapping()).apply(TransactionJson.of(transaction, mappings.loops(route.loops())),
                    Map.of("partner", partner.id(),
                            "sender", Map.of("qualifier", interchange.senderQualifier(), "id", interchange.senderId()),
                            "defaults", Map.of("currency", partner.edi().defaultCurrency() == null ? ""
                                    : partner.edi().defaultCurrency())));
        } catch (DocumentMapping.MappingException e) {
            return new Mapped(type, null, List.of(), e.getMessage());
        }
        return new Mapped(type, data, schemas.validateData(type, data), null);
    }
}
