package io.crossdock.canonical;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationOption;

/**
 * Writes the JSON Schemas of the canonical model from its Java types, so the two cannot drift:
 * {@code mappings/canonical/<type>.v1.schema.json} per type, {@code events/<Event>.v1.schema.json}
 * per event (the CloudEvents envelope, with {@code data} referring to its type's schema).
 */
final class CanonicalSchemaGenerator {

    /** The canonical types that get a schema file of their own. */
    static final List<Class<?>> TYPES = Stream.concat(
                    Stream.of(EventType.values()).map(EventType::dataType),
                    Stream.of(Party.class, Address.class, ProductRef.class, Money.class, Quantity.class))
            .distinct().toList();

    private final SchemaGenerator generator;

    CanonicalSchemaGenerator() {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12,
                OptionPreset.PLAIN_JSON)
                .with(new JacksonModule())
                .with(new JakartaValidationModule(JakartaValidationOption.NOT_NULLABLE_FIELD_IS_REQUIRED,
                        JakartaValidationOption.INCLUDE_PATTERN_EXPRESSIONS))
                .with(Option.NONPUBLIC_NONSTATIC_FIELDS_WITHOUT_GETTERS, Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT,
                        Option.EXTRA_OPEN_API_FORMAT_VALUES, Option.FLATTENED_ENUMS)
                .without(Option.NONSTATIC_NONVOID_NONGETTER_METHODS);
        config.forTypesInGeneral().withDescriptionResolver(scope -> null);
        this.generator = new SchemaGenerator(config.build());
    }

    /** File name (relative to mappings/canonical/) to schema. */
    Map<String, ObjectNode> all() {
        Map<String, ObjectNode> files = new LinkedHashMap<>();
        for (Class<?> type : TYPES) {
            files.put(EventType.schemaFileOf(type), typeSchema(type));
        }
        for (EventType event : EventType.values()) {
            files.put("events/" + event.schemaFile(), eventSchema(event));
        }
        return files;
    }

    ObjectNode typeSchema(Class<?> type) {
        ObjectNode schema = generator.generateSchema(type);
        ObjectNode ordered = schema.objectNode();
        ordered.put("$schema", schema.path("$schema").asText());
        ordered.put("$id", CanonicalSchemas.BASE_URI + EventType.schemaFileOf(type));
        ordered.put("title", type.getSimpleName() + " v" + EventType.VERSION);
        schema.remove("$schema");
        ordered.setAll(schema);
        return ordered;
    }

    ObjectNode eventSchema(EventType event) {
        ObjectNode schema = CanonicalJson.MAPPER.createObjectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", CanonicalSchemas.BASE_URI + "events/" + event.schemaFile());
        schema.put("title", event.eventName() + " v" + EventType.VERSION);
        schema.put("description", "CloudEvents 1.0 (structured JSON form) of " + event.eventName()
                + " on the " + event.family().id() + " topic; subject is the business key.");
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("specversion").put("const", "1.0");
        properties.putObject("id").put("type", "string").put("minLength", 1);
        properties.putObject("source").put("type", "string").put("format", "uri-reference");
        properties.putObject("type").put("const", event.cloudEventType());
        properties.putObject("subject").put("type", "string").put("minLength", 1);
        properties.putObject("time").put("type", "string").put("format", "date-time");
        properties.putObject("datacontenttype").put("const", "application/json");
        properties.putObject("correlationid").put("type", "string").put("minLength", 1);
        properties.putObject("partner").put("type", "string");
        properties.putObject("data").put("$ref", "../" + EventType.schemaFileOf(event.dataType()));
        ArrayNode required = schema.putArray("required");
        Stream.of("specversion", "id", "source", "type", "subject", "time", "correlationid", "data").forEach(required::add);
        return schema;
    }
}
