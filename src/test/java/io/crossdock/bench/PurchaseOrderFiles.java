package io.crossdock.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** 850 files of any size for the EDI benchmarks: the VICS conformance PO repeated in one group, each set its own PO. */
final class PurchaseOrderFiles {

    private static final Path SAMPLE = Path.of("../shared/conformance/x12/850_vics_4010_po.edi");

    private PurchaseOrderFiles() {
    }

    /** An interchange of {@code count} purchase orders. */
    static byte[] of(int count) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        write(out, count);
        return out.toByteArray();
    }

    /** A file of at least {@code bytes} bytes; returns how many purchase orders it holds. */
    static int write(Path file, long bytes) throws IOException {
        int perSet = body(1).length() + 1;
        int count = (int) Math.max(1, bytes / perSet);
        try (OutputStream out = Files.newOutputStream(file)) {
            write(out, count);
        }
        return count;
    }

    private static void write(OutputStream out, int count) throws IOException {
        String sample = Files.readString(SAMPLE, StandardCharsets.US_ASCII);
        out.write(sample.substring(0, sample.indexOf("ST*850")).getBytes(StandardCharsets.US_ASCII));
        for (int i = 1; i <= count; i++) {
            out.write(body(i).getBytes(StandardCharsets.US_ASCII));
        }
        out.write(("GE*" + count + "*1421~\nIEA*1*000003438~\n").getBytes(StandardCharsets.US_ASCII));
    }

    private static String body(int number) throws IOException {
        String sample = Files.readString(SAMPLE, StandardCharsets.US_ASCII);
        String set = sample.substring(sample.indexOf("ST*850"), sample.indexOf("GE*"));
        String control = String.format("%09d", number);
        return set.replace("ST*850*000000010", "ST*850*" + control).replace("SE*33*000000010", "SE*33*" + control)
                .replace("BEG*00*SA*08292233294", "BEG*00*SA*PO" + control);
    }
}
