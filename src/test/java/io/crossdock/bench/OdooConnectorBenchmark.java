package io.crossdock.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import io.crossdock.odoo.OdooHeaders;
import io.crossdock.sandbox.odoo.OdooEmulator;
import io.crossdock.testing.KafkaTestResource;
import io.crossdock.testing.OdooTestResource;
import io.crossdock.testing.SftpTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

/**
 * Load harness, not a test (it asserts nothing about time and is not run by {@code mvn verify}):
 * records/s created in the Odoo emulator through the {@code odoo:} component with one batch
 * create per message versus one call per record, over JSON-RPC (Odoo 17) and JSON-2 (Odoo 19),
 * and the HTTP requests the connector makes per sale order (create with lines, then confirm).
 *
 * <pre>bin/test-database && mvn test -Dtest=OdooConnectorBenchmark -Dbench.records=4000</pre>
 *
 * Writes target/benchmarks/odoo-connector.md.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(SftpTestResource.class)
@WithTestResource(OdooTestResource.class)
class OdooConnectorBenchmark {

    private static final int RECORDS = Integer.getInteger("bench.records", 4_000);
    private static final int BATCH = Integer.getInteger("bench.batch", 100);
    private static final int ORDERS = Integer.getInteger("bench.orders", 200);

    @Inject
    ProducerTemplate camel;

    @Test
    void run() throws IOException {
        StringBuilder report = new StringBuilder();
        report.append(LocalDate.now()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, Java ").append(System.getProperty("java.specification.version"))
                .append(". Emulated Odoo in the same JVM over real HTTP; ").append(RECORDS)
                .append(" res.partner records per run, batches of ").append(BATCH).append(".\n\n")
                .append("| protocol | one call per record, records/s | batch create, records/s | batch / single |\n|---|---:|---:|---:|\n");
        for (var connection : List.of(Map.entry("default", OdooTestResource.odoo17()), Map.entry("odoo19", OdooTestResource.odoo19()))) {
            String endpoint = "odoo:res.partner?operation=create&connection=" + connection.getKey();
            createOneByOne(endpoint, 200);
            createInBatches(endpoint, 200);
            double single = createOneByOne(endpoint, RECORDS);
            double batch = createInBatches(endpoint, RECORDS);
            report.append(String.format("| %s (Odoo %d) | %.0f | %.0f | %.1fx |%n",
                    connection.getKey().equals("default") ? "JSON-RPC" : "JSON-2", connection.getValue().version(), single, batch, batch / single));
        }
        report.append("\n").append(requestsPerOrder());
        Path out = Path.of("target/benchmarks/odoo-connector.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println("\n" + report);
    }

    private double createOneByOne(String endpoint, int records) {
        long start = System.nanoTime();
        for (int i = 0; i < records; i++) {
            camel.requestBody(endpoint, Map.of("name", "Single " + i, "ref", "S-" + i));
        }
        return records / ((System.nanoTime() - start) / 1e9);
    }

    private double createInBatches(String endpoint, int records) {
        long start = System.nanoTime();
        for (int i = 0; i < records; i += BATCH) {
            List<Map<String, Object>> batch = new ArrayList<>();
            for (int j = i; j < Math.min(records, i + BATCH); j++) {
                batch.add(Map.of("name", "Batch " + j, "ref", "B-" + j));
            }
            camel.requestBody(endpoint, batch);
        }
        return records / ((System.nanoTime() - start) / 1e9);
    }

    private String requestsPerOrder() {
        OdooEmulator odoo = OdooTestResource.odoo17();
        long customer = odoo.create("res.partner", Map.of("name", "Bench Retail"));
        long product = odoo.create("product.product", Map.of("name", "Bench widget", "default_code", "BENCH-1"));
        camel.requestBody("odoo:sale.order?operation=create", order(customer, product, "WARM"));
        long before = connectorCalls(odoo);
        long start = System.nanoTime();
        for (int i = 0; i < ORDERS; i++) {
            Object id = camel.requestBody("odoo:sale.order?operation=create", order(customer, product, "BENCH-" + i));
            camel.requestBodyAndHeader("odoo:sale.order?operation=call&method=action_confirm", null, OdooHeaders.IDS, id);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return String.format("Sale orders with 2 lines, created and confirmed (JSON-RPC, Odoo 17): %d orders, %.2f calls to Odoo"
                + " per order, %.0f orders/s. (The first order on a pod also costs fields_get for sale.order and"
                + " sale.order.line, one authenticate and one version call.)%n", ORDERS, (connectorCalls(odoo) - before) / (double) ORDERS,
                ORDERS / seconds);
    }

    /** Calls to Odoo except the change-capture poll of sale.order that runs in the same hub. */
    private static long connectorCalls(OdooEmulator odoo) {
        return odoo.calls().entrySet().stream().filter(e -> !e.getKey().equals("sale.order/search_read"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private static Map<String, Object> order(long customer, long product, String po) {
        return Map.of("partner_id", customer, "client_order_ref", po, "order_line", List.of(
                Map.of("product_id", product, "product_uom_qty", 2, "price_unit", 3.5),
                Map.of("product_id", product, "product_uom_qty", 1, "price_unit", 3.5)));
    }
}
