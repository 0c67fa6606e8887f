package io.crossdock.bench;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.crossdock.canonical.CanonicalSchemas;
import io.crossdock.canonical.EventType;
import io.crossdock.edi.DocumentMapping;
import io.crossdock.edi.EdiReader;
import io.crossdock.edi.LoopSpec;
import io.crossdock.edi.TransactionJson;
import io.crossdock.edi.TransactionMapper;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The JMH benchmarks behind EdiParsingBenchmark: the same 850 bytes read raw by StAEDI (the ceiling),
 * read by StAEDI checking the 850 transaction schema, and taken the whole way to schema-checked
 * canonical Orders (our reader with the transaction schema, loops, JSONata mapping, canonical schema
 * validation). Scores are per purchase order.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EdiParsing {

    static final int ORDERS = 1000;

    private byte[] file;
    private LoopSpec loops;
    private DocumentMapping mapping;
    private CanonicalSchemas schemas;
    private EDIInputFactory factory;
    private EdiReader reader;
    private EdiReader contentReader;
    private io.xlate.edi.schema.Schema transactionSchema;

    @Setup
    public void setUp() throws Exception {
        file = PurchaseOrderFiles.of(ORDERS);
        loops = LoopSpec.read(Path.of("mappings/x12/850.loops.yaml"));
        mapping = DocumentMapping.read(Path.of("mappings/x12/850-to-order.jsonata"));
        schemas = new CanonicalSchemas(Path.of("mappings/canonical"));
        // Made once, as a service would: looking a factory up is not what is measured.
        factory = EDIInputFactory.newFactory();
        reader = new EdiReader();
        contentReader = new EdiReader(io.crossdock.edi.TransactionSchemas.NONE);
        try (InputStream schema = java.nio.file.Files.newInputStream(Path.of("mappings/x12/850.schema.xml"))) {
            transactionSchema = io.xlate.edi.schema.SchemaFactory.newFactory().createSchema(schema);
        }
    }

    /** StAEDI alone: every event of every segment read, no objects kept. */
    @Benchmark
    @OperationsPerInvocation(ORDERS)
    public void rawParse(Blackhole sink) throws Exception {
        try (InputStream in = new ByteArrayInputStream(file);
                EDIStreamReader events = factory.createEDIStreamReader(in)) {
            while (events.hasNext()) {
                EDIStreamEvent event = events.next();
                if (event == EDIStreamEvent.ELEMENT_DATA || event == EDIStreamEvent.START_SEGMENT) {
                    sink.consume(events.getText());
                }
            }
        }
    }

    /**
     * StAEDI alone again, but checking each transaction against mappings/x12/850.schema.xml, as the
     * issue's validation deliverable asks: what validation by itself costs, with no mapping.
     */
    @Benchmark
    @OperationsPerInvocation(ORDERS)
    public void validatedParse(Blackhole sink) throws Exception {
        try (InputStream in = new ByteArrayInputStream(file);
                EDIStreamReader events = factory.createEDIStreamReader(in)) {
            boolean header = false;
            while (events.hasNext()) {
                EDIStreamEvent event = events.next();
                if (event == EDIStreamEvent.START_TRANSACTION) {
                    header = true;
                } else if (event == EDIStreamEvent.END_SEGMENT && header && events.getTransactionType() != null) {
                    header = false;
                    events.setTransactionSchema(transactionSchema);
                } else if (event == EDIStreamEvent.ELEMENT_DATA || event == EDIStreamEvent.START_SEGMENT
                        || event == EDIStreamEvent.SEGMENT_ERROR || event == EDIStreamEvent.ELEMENT_DATA_ERROR) {
                    sink.consume(events.getText());
                }
            }
        }
    }

    /** The hub's path: each purchase order read, mapped to the canonical Order and checked against its schema. */
    @Benchmark
    @OperationsPerInvocation(ORDERS)
    public void toCanonicalOrders(Blackhole sink) throws Exception {
        // As the EDI stage: a first pass judges each transaction against its schema, a second maps them.
        reader.read(new ByteArrayInputStream(file), transaction -> sink.consume(transaction.outline()));
        contentReader.read(new ByteArrayInputStream(file), transaction -> {
            JsonNode order = mapping.apply(TransactionJson.of(transaction, loops), TransactionMapper.bindings(transaction, "demo", "USD"));
            sink.consume(schemas.validateData(EventType.ORDER_RECEIVED, order));
        });
    }
}
