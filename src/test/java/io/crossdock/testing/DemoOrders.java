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

    /**
     * The demo partner's 997 for one of our groups: {@code setStatus} (A, E, R) for set 0001 of the
     * transaction set type, {@code errors} any AK3/AK4 segments before the AK5.
     */
    public static String functionalAcknowledgment(String interchange, String functionalId, String groupControl, String type,
            String setStatus, String errors, String groupStatus) {
        String sets = "AK2*" + type + "*0001~" + errors + "AK5*" + setStatus + (setStatus.equals("A") ? "" : "*5") + "~";
        int segments = 4 + sets.split("~").length;
        return "ISA*00*          *00*          *ZZ*DEMO           *ZZ*CROSSDOCK      *261122*1200*U*00401*" + interchange
                + "*0*P*>~GS*FA*DEMO*CROSSDOCK*20261122*1200*" + groupControl.replaceFirst("^0+(?=.)", "") + "7*X*004010~"
                + "ST*997*0001~AK1*" + functionalId + "*" + groupControl + "~" + sets + "AK9*" + groupStatus + "*1*1*"
                + (groupStatus.equals("R") ? "0" : "1") + "~SE*" + segments + "*0001~GE*1*" + groupControl.replaceFirst("^0+(?=.)", "")
                + "7~IEA*1*" + interchange + "~";
    }

    /** A nine-digit interchange control number unlikely to repeat across runs (the store keeps them). */
    public static String interchange() {
        return String.format("%09d", (long) (Math.random() * 999_999_999L));
    }
}
