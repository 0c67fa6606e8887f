package io.crossdock.canonical;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The JSON Schemas (draft 2020-12) of the canonical model, read from {@code mappings/canonical/}:
 * the files integration engineers read are the ones enforced. Schemas name each other by their
 * {@code $id} under {@link #BASE_URI}, which maps to the folder.
 */
public final class CanonicalSchemas {

    public static final String BASE_URI = "https://schemas.crossdock.io/canonical/";

    private final JsonSchemaFactory factory;
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    public CanonicalSchemas(Path directory) {
        String folder = directory.toAbsolutePath().normalize().toUri().toString();
        this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(BASE_URI, folder)));
    }

    /** Checks an event's data against the schema of the event's data type. */
    public List<Violation> validateData(EventType type, JsonNode data) {
        return validate(EventType.schemaFileOf(type.dataType()), data);
    }

    /** Checks a whole event in structured JSON form against the event's own schema. */
    public List<Violation> validateEvent(EventType type, JsonNode event) {
        return validate("events/" + type.schemaFile(), event);
    }

    public List<Violation> validate(String schemaFile, JsonNode instance) {
        JsonSchema schema = schemas.computeIfAbsent(schemaFile,
                file -> factory.getSchema(SchemaLocation.of(BASE_URI + file)));
        return schema.validate(instance).stream()
                .map(CanonicalSchemas::violation)
                .sorted(Comparator.comparing(Violation::field))
                .toList();
    }

    private static Violation violation(ValidationMessage message) {
        String field = message.getInstanceLocation().toString();
        if ("required".equals(message.getType()) && message.getProperty() != null) {
            field = field + "." + message.getProperty();
        }
        String text = message.getMessage();
        String located = message.getInstanceLocation() + ": ";
        return new Violation(field, message.getType(), text.startsWith(located) ? text.substring(located.length()) : text);
    }
}
