package io.crossdock.bench;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import io.crossdock.odoo.OdooHeaders;
import io.crossdock.orchestration.OdooLookups;
import io.crossdock.store.Store;
import io.crossdock.testing.DemoOrders;
import io.crossdock.testing.KafkaTestResource;
import io.crossdock.testing.OdooTestResource;
import io.crossdock.testing.PartnerSftpClient;
import io.crossdock.testing.SftpTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;

/**
 * Issue 6's load harness, not a test (not run by {@code mvn verify}): orders in files over SFTP
 * through parse, Kafka, Odoo (the emulator, over JSON-RPC) and back as 855s, against the emulator
 * alone doing the same Odoo calls per order with the same concurrency, in one run.
 *
 * <pre>bin/test-database && mvn test -Dtest=OrderToCashBenchmark -Dbench.files=100 -Dbench.orders-per-file=100</pre>
 *
 * End to end is from the first file put to the last 855 sent; latency per order from its file's put
 * to its 855 (DOCUMENT_SENT on the timeline). Writes target/benchmarks/order-to-cash.md.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(SftpTestResource.class)
@WithTestResource(OdooTestResource.class)
class OrderToCashBenchmark {

    private static final int FILES = Integer.getInteger("bench.files", 100);
    private static final int PER_FILE = Integer.getInteger("bench.orders-per-file", 100);
    private static final int CEILING_ORDERS = Integer.getInteger("bench.ceiling-orders", 1_000);
    /** Orders through the ceiling's path before it is timed, so the JIT has compiled both sides as it has for the long end-to-end run. */
    private static final int WARMUP_ORDERS = Integer.getInteger("bench.warmup-orders", 500);
    /** Files through the whole flow before it is timed: the first minute of a JVM is spent compiling the flow's code. */
    private static final int WARMUP_FILES = Integer.getInteger("bench.warmup-files", 5);
    private static final int CONSUMERS = 3;

    /** The last timeline entry before an end-to-end part: what its 855 polls need not read. */
    private long trackedBefore;

    @Inject
    OdooLookups odoo;

    @Inject
    Store store;

    @Inject
    ProducerTemplate routes;

    @Test
    void run() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase(java.util.Locale.ROOT);
        emulatorAlone(run + "W", WARMUP_ORDERS);
        double ceiling = emulatorAlone(run, CEILING_ORDERS);

        endToEnd(run + "W", WARMUP_FILES);
        long started = System.nanoTime();
        OffsetDateTime first = OffsetDateTime.now();
        Map<String, OffsetDateTime> put = endToEnd(run, FILES);
        int total = FILES * PER_FILE;
        Map<String, OffsetDateTime> acknowledged = sent(run);
        OffsetDateTime last = Collections.max(acknowledged.values());
        double seconds = Duration.between(first, last).toNanos() / 1e9;
        List<Long> latencies = new ArrayList<>();
        acknowledged.forEach((po, at) -> latencies.add(Duration.between(put.get(po), at).toMillis()));
        Collections.sort(latencies);
        double endToEnd = total / seconds;
        String report = String.join("\n", List.of(
                "# Order to cash benchmark",
                "",
                "Machine: " + InetAddress.getLocalHost().getHostName() + ", " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                        + System.getProperty("java.version") + "; " + ZonedDateTime.now() + ".",
                String.format("Timed after a warm-up of %d orders through the ceiling's path and %d files end to end.", WARMUP_ORDERS,
                        WARMUP_FILES),
                "",
                "| path | orders | orders/s | p50 ms | p99 ms |",
                "|---|---|---|---|---|",
                String.format("| Odoo emulator alone, the flow's calls per order, %d threads (ceiling) | %d | %.0f | | |", CONSUMERS, CEILING_ORDERS,
                        ceiling),
                String.format("| %d files x %d orders: SFTP -> parse -> Kafka -> Odoo -> 855 | %d | %.0f | %d | %d |", FILES, PER_FILE, total,
                        endToEnd, latencies.get(latencies.size() / 2), latencies.get(latencies.size() * 99 / 100)),
                String.format("| ratio end to end / emulator alone | | %.2f | | |", endToEnd / ceiling),
                "",
                String.format("Wall clock for the end-to-end part: %.1f s (harness total %.1f s).", seconds, (System.nanoTime() - started) / 1e9),
                ""));
        Path dir = Files.createDirectories(Path.of("target/benchmarks"));
        Files.writeString(dir.resolve("order-to-cash.md"), report, StandardCharsets.UTF_8);
        System.out.println(report);
    }

    /** Drops the files of purchase orders at once and waits for every 855; gives when each PO was put. */
    private Map<String, OffsetDateTime> endToEnd(String run, int files) throws Exception {
        try (Connection db = store.dataSource().getConnection();
                PreparedStatement newest = db.prepareStatement("SELECT COALESCE(MAX(entry_id), 0) FROM tracking_entry");
                ResultSet last = newest.executeQuery()) {
            last.next();
            trackedBefore = last.getLong(1);
        }
        Map<String, OffsetDateTime> put = new HashMap<>();
        try (var partner = PartnerSftpClient.demoPartner()) {
            for (int file = 0; file < files; file++) {
                List<String> pos = new ArrayList<>();
                for (int order = 0; order < PER_FILE; order++) {
                    pos.add("B" + run + "-" + file + "-" + order);
                }
                partner.put("inbox/850-bench-" + run + "-" + file + ".edi", DemoOrders.bytes(interchange(pos)));
                OffsetDateTime at = OffsetDateTime.now();
                pos.forEach(po -> put.put(po, at));
            }
        }
        await().atMost(Duration.ofMinutes(Integer.getInteger("bench.minutes", 30))).pollInterval(Duration.ofSeconds(2))
                .until(() -> sent(run).size() >= put.size());
        return put;
    }

    /** What the order flow asks Odoo per new order, done directly over the same connection by as many threads as the hub's consumers. */
    private double emulatorAlone(String run, int orders) throws Exception {
        long customer = ((Number) odoo.searchRead("res.partner", List.of(List.of("ref", "=", "DEMO")), "id", 1).get(0).get("id")).longValue();
        List<Map<String, Object>> products = odoo.searchRead("product.product", List.of(List.of("default_code", "in",
                List.of("SKU-1001", "SKU-2002"))), "id", 0);
        AtomicInteger next = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(CONSUMERS);
        long started = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < CONSUMERS; t++) {
            done.add(threads.submit(() -> {
                for (int i = next.getAndIncrement(); i < orders; i = next.getAndIncrement()) {
                    String po = "C" + run + "-" + i;
                    odoo.searchRead("res.partner", List.of(List.of("ref", "in", List.of("DEMO")), List.of("parent_id", "=", false)), "ref", 0);
                    odoo.searchRead("sale.order", List.of(List.of("client_order_ref", "=", po), List.of("partner_id", "=", customer)),
                            "name,state", 1);
                    odoo.searchRead("res.partner", List.of(List.of("parent_id", "=", customer), List.of("ref", "=", "DC12")), "id", 1);
                    odoo.searchRead("product.product", List.of("|", List.of("default_code", "in", List.of("SKU-1001", "SKU-2002")),
                            List.of("barcode", "in", List.of("061414110001"))), "default_code,barcode,list_price,free_qty", 0);
                    long order = odoo.create("sale.order", Map.of("partner_id", customer, "client_order_ref", po, "order_line", List.of(
                            List.of(0, 0, Map.of("product_id", products.get(0).get("id"), "product_uom_qty", 24, "price_unit", 3.49)),
                            List.of(0, 0, Map.of("product_id", products.get(1).get("id"), "product_uom_qty", 12, "price_unit", 7.95)))));
                    odoo.read("sale.order", List.of(order), "name,state,order_line,partner_credit_warning");
                    routes.requestBodyAndHeader("odoo:sale.order?operation=call&method=action_confirm", null, OdooHeaders.IDS, order);
                    odoo.read("sale.order", List.of(order), "name,state,order_line");
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        threads.shutdown();
        return orders / ((System.nanoTime() - started) / 1e9);
    }

    /** The 855s sent for this run's orders, by PO, with when. */
    private Map<String, OffsetDateTime> sent(String run) throws Exception {
        Map<String, OffsetDateTime> sent = new HashMap<>();
        try (Connection db = store.dataSource().getConnection();
                PreparedStatement select = db.prepareStatement("SELECT alias_key, occurred_at FROM tracking_entry WHERE stage = 'DOCUMENT_SENT'"
                        + " AND alias_key LIKE ? AND description LIKE '855 %' AND entry_id > ?")) {
            select.setString(1, "B" + run + "-%");
            // Only entries made since the run began: scanning the whole timeline every poll slowed the run it measures.
            select.setLong(2, trackedBefore);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    sent.put(row.getString(1), row.getObject(2, OffsetDateTime.class));
                }
            }
        }
        return sent;
    }

    /** One interchange holding a purchase order per PO number: the demo partner's sample, repeated. */
    private static String interchange(List<String> pos) {
        String sample = DemoOrders.x12(DemoOrders.interchange(), "PO-TEMPLATE", "20261122");
        String head = sample.substring(0, sample.indexOf("ST*850"));
        String set = sample.substring(sample.indexOf("ST*850"), sample.indexOf("GE*"));
        StringBuilder file = new StringBuilder(head);
        for (int i = 0; i < pos.size(); i++) {
            String control = String.format("%04d", i + 1);
            file.append(set.replace("ST*850*0001", "ST*850*" + control).replace("SE*14*0001", "SE*14*" + control)
                    .replace("PO-TEMPLATE", pos.get(i)));
        }
        String trailer = sample.substring(sample.indexOf("GE*"));
        return file + trailer.replaceFirst("GE\\*1\\*", "GE*" + pos.size() + "*");
    }
}
