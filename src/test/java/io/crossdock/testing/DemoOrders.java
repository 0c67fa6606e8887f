package io.crossdock.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The demo partner's sample 850 (mappings/sandbox/samples/850-demo.edi), made unique per test. */
public final class DemoOrders {

    private DemoOrders() {
    }

    public static String x12(String interchange, String po, String date) {
        try {
            String sample = Files.readString(Path.of("mappings/sandbox/samples/850-demo.edi"), StandardCharsets.US_ASCII);
            return sample.replace("000000101", interchange).replace("DEMO-PO-1001", po)
                    .replace("GS*PO*DEMO*CROSSDOCK*20261122", "GS*PO*DEMO*CROSSDOCK*" + date);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(String x12) {
        return x12.getBytes(StandardCharsets.US_ASCII);
    }

    /** A nine-digit interchange control number unlikely to repeat across runs (the store keeps them). */
    public static String interchange() {
        return String.format("%09d", (long) (Math.random() * 999_999_999L));
    }
}
