package io.crossdock.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * The schemas in mappings/canonical/ are generated from the Java types. A change to either without
 * the other fails here; to accept a type change, regenerate with
 * {@code mvn test -Dtest=CanonicalSchemasTest -Dcrossdock.schemas.write=true} and review the diff.
 */
class CanonicalSchemasTest {

    static final Path DIR = Path.of("mappings/canonical");

    private final CanonicalSchemas schemas = new CanonicalSchemas(DIR);

    @Test
    void theCommittedSchemasAreExactlyTheOnesTheTypesGenerate() throws IOException {
        Map<String, ObjectNode> generated = new CanonicalSchemaGenerator().all();
        if (Boolean.getBoolean("crossdock.schemas.write")) {
            for (var file : generated.entrySet()) {
                Path target = DIR.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, CanonicalJson.MAPPER.writerWithDefaultPrettyPrinter()
                        .writeValueAsString(file.getValue()) + "\n");
            }
        }
        for (var file : generated.entrySet()) {
            Path committed = DIR.resolve(file.getKey());
            assertThat(committed).as("schema file for the type").exists();
            JsonNode onDisk = CanonicalJson.MAPPER.readTree(committed.toFile());
            assertThat(onDisk).as(committed + " differs from what the Java types generate;"
                    + " regenerate with -Dcrossdock.schemas.write=true").isEqualTo(file.getValue());
        }
        try (var files = Files.walk(DIR)) {
            assertThat(files.filter(f -> f.toString().endsWith(".schema.json"))
                    .map(f -> DIR.relativize(f).toString()).toList())
                    .as("no schema without a type").containsExactlyInAnyOrderElementsOf(generated.keySet());
        }
    }

    @Test
    void aValidInstanceOfEveryEventsDataValidates() {
        for (var sample : CanonicalSamples.oneOfEach().entrySet()) {
            JsonNode data = CanonicalJson.MAPPER.valueToTree(sample.getValue());
            assertThat(schemas.validateData(sample.getKey(), data)).as(sample.getKey().eventName()).isEmpty();
        }
        assertThat(CanonicalSamples.oneOfEach()).containsOnlyKeys(EventType.values());
    }

    @Test
    void everyEventSchemaAcceptsAWholeEventAndRefersToItsDataSchema() {
        for (var sample : CanonicalSamples.oneOfEach().entrySet()) {
            EventType type = sample.getKey();
            ObjectNode event = CanonicalJson.MAPPER.createObjectNode()
                    .put("specversion", "1.0").put("id", "e-1").put("source", "/crossdock/test")
                    .put("type", type.cloudEventType()).put("subject", type.businessKeyOf(sample.getValue()))
                    .put("time", "2026-11-22T14:30:00Z").put("datacontenttype", "application/json")
                    .put("correlationid", "c-1");
            event.set("data", CanonicalJson.MAPPER.valueToTree(sample.getValue()));
            assertThat(schemas.validateEvent(type, event)).as(type.eventName()).isEmpty();

            event.with("data").removeAll();
            assertThat(schemas.validateEvent(type, event)).as(type.eventName() + " with empty data").isNotEmpty();
        }
    }

    @Test
    void aMissingFieldAndABadValueAreNamedWithTheRuleTheyBreak() {
        ObjectNode order = CanonicalJson.MAPPER.valueToTree(CanonicalSamples.order("PO-9"));
        order.remove("poNumber");
        ((ObjectNode) order.withArray("lines").get(0).get("quantity")).put("unit", "each of them");
        order.with("unitPriceTypo");

        assertThat(schemas.validateData(EventType.ORDER_RECEIVED, order))
                .extracting(Violation::field, Violation::rule)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("$.poNumber", "required"),
                        org.assertj.core.groups.Tuple.tuple("$.lines[0].quantity.unit", "pattern"));
        assertThat(schemas.validateData(EventType.ORDER_RECEIVED, order))
                .anySatisfy(v -> assertThat(v.toString()).contains("unitPriceTypo"));
    }

    @Test
    void moneyIsAnExactDecimalNeverABinaryFloat() throws IOException {
        String json = "{\"amount\":0.1,\"currency\":\"EUR\"}";
        Money money = CanonicalJson.MAPPER.readValue(json, Money.class);
        assertThat(money.amount().add(Money.of("0.2", "EUR").amount())).isEqualByComparingTo("0.3");
        assertThat(CanonicalJson.MAPPER.writeValueAsString(Money.of("1234567890.12345678", "EUR")))
                .contains("1234567890.12345678");
    }
}
