package io.crossdock.edi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;

/**
 * The StAEDI transaction schemas that check what is inside a transaction (segment order, mandatory
 * elements, types, lengths, code lists), as data under {@code mappings/}: {@code x12/997.schema.xml},
 * {@code edifact/ORDERS.schema.xml}. A transaction type without one is checked at the envelope only.
 */
public final class TransactionSchemas {

    /** No transaction schemas: envelopes only. */
    public static final TransactionSchemas NONE = new TransactionSchemas(null);

    private final Path root;
    private final Map<String, Optional<Schema>> loaded = new ConcurrentHashMap<>();

    private TransactionSchemas(Path root) {
        this.root = root;
    }

    /** The schemas under a mappings folder ({@code crossdock.mappings.dir}). */
    public static TransactionSchemas in(Path mappings) {
        return new TransactionSchemas(mappings);
    }

    public Optional<Schema> forType(String standard, String type) {
        if (root == null || standard == null || type == null) {
            return Optional.empty();
        }
        return loaded.computeIfAbsent(standard + "/" + type, key -> load(root.resolve(standard.toLowerCase(Locale.ROOT))
                .resolve(type + ".schema.xml")));
    }

    private static Optional<Schema> load(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return Optional.of(SchemaFactory.newFactory().createSchema(in));
        } catch (IOException | EDISchemaException e) {
            throw new IllegalArgumentException("transaction schema " + file + " cannot be read: " + e.getMessage(), e);
        }
    }
}
