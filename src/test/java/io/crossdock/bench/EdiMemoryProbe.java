package io.crossdock.bench;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.crossdock.canonical.CanonicalSchemas;
import io.crossdock.canonical.EventType;
import io.crossdock.edi.DocumentMapping;
import io.crossdock.edi.EdiReader;
import io.crossdock.edi.LoopSpec;
import io.crossdock.edi.TransactionJson;
import io.crossdock.edi.TransactionMapper;

/**
 * Run in its own JVM with a small heap (EdiParsingBenchmark starts it): streams an 850 file from
 * disk to canonical Orders and prints how many it made and the most heap it ever saw in use.
 */
public final class EdiMemoryProbe {

    private EdiMemoryProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        LoopSpec loops = LoopSpec.read(Path.of("mappings/x12/850.loops.yaml"));
        DocumentMapping mapping = DocumentMapping.read(Path.of("mappings/x12/850-to-order.jsonata"));
        CanonicalSchemas schemas = new CanonicalSchemas(Path.of("mappings/canonical"));
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        AtomicInteger orders = new AtomicInteger();
        AtomicInteger invalid = new AtomicInteger();
        long started = System.nanoTime();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            new EdiReader().read(in, transaction -> {
                var order = mapping.apply(TransactionJson.of(transaction, loops), TransactionMapper.bindings(transaction, "demo", "USD"));
                if (!schemas.validateData(EventType.ORDER_RECEIVED, order).isEmpty()) {
                    invalid.incrementAndGet();
                }
                orders.incrementAndGet();
            });
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        sampler.interrupt();
        System.out.printf("orders=%d invalid=%d millis=%d peakHeapMB=%.1f maxHeapMB=%.1f%n", orders.get(), invalid.get(), millis,
                peak.get() / 1048576.0, memory.getHeapMemoryUsage().getMax() / 1048576.0);
    }
}
