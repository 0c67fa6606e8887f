package io.crossdock.edi;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.crossdock.canonical.CanonicalSchemas;

/** Maps the transactions of a conformance file with a mapping from mappings/, as the EDI stage would for partner "demo". */
final class ConformanceMappings {

    static final CanonicalSchemas SCHEMAS = new CanonicalSchemas(Path.of("mappings/canonical"));

    private ConformanceMappings() {
    }

    /** Each transaction of the file mapped; a mapping that refuses one gives a DocumentMapping.MappingException. */
    static List<JsonNode> map(Path file, String loops, String mapping) throws Exception {
        List<EdiTransaction> transactions = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            new EdiReader().read(in, transactions::add);
        }
        LoopSpec spec = LoopSpec.read(Path.of("mappings", loops));
        DocumentMapping documentMapping = DocumentMapping.read(Path.of("mappings", mapping));
        List<JsonNode> mapped = new ArrayList<>();
        for (EdiTransaction transaction : transactions) {
            mapped.add(documentMapping.apply(TransactionJson.of(transaction, spec), TransactionMapper.bindings(transaction, "demo", "USD")));
        }
        return mapped;
    }

    static JsonNode mapOne(Path file, String loops, String mapping, int index) throws Exception {
        List<EdiTransaction> transactions = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            new EdiReader().read(in, transactions::add);
        }
        EdiTransaction transaction = transactions.get(index);
        return DocumentMapping.read(Path.of("mappings", mapping)).apply(TransactionJson.of(transaction, LoopSpec.read(Path.of("mappings", loops))),
                TransactionMapper.bindings(transaction, "demo", "USD"));
    }
}
