package io.crossdock.edi;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.crossdock.canonical.CanonicalJson;
import io.crossdock.canonical.CanonicalSchemas;
import io.crossdock.canonical.EventType;

/** Maps the transactions of a conformance file with a mapping from mappings/, as the EDI stage would for partner "demo". */
final class ConformanceMappings {

    static final CanonicalSchemas SCHEMAS = new CanonicalSchemas(Path.of("mappings/canonical"));

    private ConformanceMappings() {
    }

    /** Each transaction of the file mapped; a mapping that refuses one gives a DocumentMapping.MappingException. */
    static List<JsonNode> map(Path file, String loops, String mapping) throws Exception {
        List<JsonNode> mapped = new ArrayList<>();
        for (EdiTransaction transaction : transactions(file)) {
            mapped.add(map(transaction, loops, mapping));
        }
        return mapped;
    }

    /** The file's transaction at {@code index} mapped (the others are only read). */
    static JsonNode mapOne(Path file, String loops, String mapping, int index) throws Exception {
        return map(transactions(file).get(index), loops, mapping);
    }

    /** Mapped JSON checked against its event's canonical schema (the JSON and the violations shown on failure), as its type. */
    static <T> T canonical(JsonNode json, EventType type, Class<T> as) throws Exception {
        org.assertj.core.api.Assertions.assertThat(SCHEMAS.validateData(type, json)).as(json.toPrettyString()).isEmpty();
        return CanonicalJson.MAPPER.treeToValue(json, as);
    }

    private static JsonNode map(EdiTransaction transaction, String loops, String mapping) {
        return DocumentMapping.read(Path.of("mappings", mapping)).apply(TransactionJson.of(transaction, LoopSpec.read(Path.of("mappings", loops))),
                TransactionMapper.bindings(transaction, "demo", "USD"));
    }

    /** Read as the EDI stage reads what it maps: its second pass, without the transaction schemas (the first judged them). */
    private static List<EdiTransaction> transactions(Path file) throws Exception {
        List<EdiTransaction> transactions = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            new EdiReader(TransactionSchemas.NONE).read(in, transactions::add);
        }
        return transactions;
    }
}
