package io.crossdock.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Issue 5's EDI benchmark, a documented command (BENCHMARKS.md), not part of the test suite:
 * 850 purchase orders to canonical Orders against StAEDI reading the same bytes with no mapping,
 * side by side in one JMH run, and the peak heap of the full path on a 5 MB and a 50 MB file in a
 * JVM whose heap is capped below the larger file's size. Writes target/benchmarks/edi-parsing.md.
 */
class EdiParsingBenchmark {

    @Test
    void purchaseOrdersToCanonicalOrdersAgainstTheRawParse() throws Exception {
        Options options = new OptionsBuilder()
                .include(EdiParsing.class.getName() + ".*")
                .forks(Integer.getInteger("bench.forks", 0))
                .warmupIterations(Integer.getInteger("bench.warmups", 3))
                .warmupTime(TimeValue.seconds(2))
                .measurementIterations(Integer.getInteger("bench.iterations", 5))
                .measurementTime(TimeValue.seconds(3))
                .jvmArgs("-Xmx512m")
                .build();
        Collection<RunResult> results = new Runner(options).run();
        double raw = score(results, "rawParse");
        double full = score(results, "toCanonicalOrders");
        double validated = score(results, "validatedParse");

        Path dir = Files.createDirectories(Path.of("target/benchmarks"));
        List<String> memory = new ArrayList<>();
        for (int megabytes : new int[] {5, 50}) {
            Path file = dir.resolve("850-" + megabytes + "mb.edi");
            int orders = PurchaseOrderFiles.write(file, megabytes * 1024L * 1024L);
            memory.add("| " + megabytes + " MB | " + orders + " | " + probe(file) + " |");
        }
        String report = String.join("\n", List.of(
                "# EDI parsing benchmark",
                "",
                "Machine: " + InetAddress.getLocalHost().getHostName() + ", " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                        + System.getProperty("java.version") + "; " + ZonedDateTime.now() + ".",
                "",
                "| path | purchase orders/s |",
                "|---|---|",
                String.format("| StAEDI raw parse of the same bytes (ceiling) | %.0f |", raw),
                String.format("| StAEDI parse checked against the 850 transaction schema, no mapping | %.0f |", validated),
                String.format("| 850 -> canonical Order (reader, transaction schema, loops, JSONata mapping, canonical schema) | %.0f |",
                        full),
                String.format("| ratio full / raw | %.3f |", full / raw),
                String.format("| ratio StAEDI validated / raw | %.3f |", validated / raw),
                "",
                "Peak heap of the full path streaming from disk, in a JVM capped at -Xmx64m:",
                "",
                "| file | purchase orders | result |",
                "|---|---|---|",
                String.join("\n", memory),
                ""));
        Files.writeString(dir.resolve("edi-parsing.md"), report, StandardCharsets.UTF_8);
        System.out.println(report);
        assertThat(full).isPositive();
    }

    private static double score(Collection<RunResult> results, String method) {
        return results.stream().filter(result -> result.getParams().getBenchmark().endsWith("." + method)).findFirst()
                .orElseThrow().getPrimaryResult().getScore();
    }

    /** Runs EdiMemoryProbe on the file in a JVM with a 64 MB heap; its one line of output. */
    private static String probe(Path file) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m", "-cp",
                System.getProperty("java.class.path"), EdiMemoryProbe.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        String line = output.lines().filter(l -> l.startsWith("orders=")).findFirst().orElse("failed (exit " + exit + "): "
                + output.lines().filter(l -> l.contains("Error") || l.contains("Exception")).findFirst().orElse(""));
        return line;
    }
}
