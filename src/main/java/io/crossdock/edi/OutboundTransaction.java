package io.crossdock.edi;

import java.io.ByteArrayOutputStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.crossdock.edi.FunctionalAcknowledgment.Numbers;
import io.crossdock.edi.FunctionalAcknowledgment.OurIdentity;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;

/**
 * One X12 transaction set we send, in its own interchange and group: the segments a mapping made
 * ({@code {"tag", "elements"}}, in a list that may nest) between ST and SE, with our control numbers. A value that
 * holds a delimiter is refused, naming the segment and element, rather than written into a file
 * the partner would read differently.
 */
public final class OutboundTransaction {

    /** Who receives it: ISA07/08 and GS03. */
    public record Receiver(String qualifier, String id, String applicationId) {
    }

    /** X12 functional identifier (GS01) of each transaction set we send. */
    private static final java.util.Map<String, String> FUNCTIONAL_IDS = java.util.Map.of("855", "PR", "856", "SH", "810", "IN",
            "846", "IB", "850", "PO");

    /** The transaction sets we can send. */
    public static final java.util.Set<String> SENT = new java.util.TreeSet<>(FUNCTIONAL_IDS.keySet());

    public static boolean sends(String type) {
        return FUNCTIONAL_IDS.containsKey(type);
    }

    static String functionalId(String type) {
        String id = FUNCTIONAL_IDS.get(type);
        if (id == null) {
            throw new IllegalArgumentException("No functional group is known for transaction set " + type);
        }
        return id;
    }

    private OutboundTransaction() {
    }

    public static byte[] write(String type, JsonNode segments, Receiver receiver, OurIdentity us, String version,
            boolean test, Numbers numbers, LocalDateTime now) {
        List<String[]> body = body(type, segments, us.x12());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            EDIStreamWriter writer = X12Envelopes.writer(out, us);
            String interchange = X12Envelopes.startInterchange(writer, receiver.qualifier(), receiver.id(), us, version, test,
                    numbers.interchange(), now);
            String group = String.valueOf(numbers.group());
            FunctionalAcknowledgment.segment(writer, "GS", functionalId(type), us.applicationId(), receiver.applicationId(),
                    now.format(DateTimeFormatter.ofPattern("yyyyMMdd")), now.format(DateTimeFormatter.ofPattern("HHmm")),
                    group, "X", version + "0");
            FunctionalAcknowledgment.segment(writer, "ST", type, "0001");
            for (String[] segment : body) {
                FunctionalAcknowledgment.segment(writer, segment[0], java.util.Arrays.copyOfRange(segment, 1, segment.length));
            }
            FunctionalAcknowledgment.segment(writer, "SE", String.valueOf(body.size() + 2), "0001");
            FunctionalAcknowledgment.segment(writer, "GE", "1", group);
            X12Envelopes.endInterchange(writer, 1, interchange);
        } catch (EDIStreamException e) {
            throw new IllegalStateException("could not write the " + type + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static List<String[]> body(String type, JsonNode segments, Delimiters delimiters) {
        List<String[]> body = new ArrayList<>();
        for (JsonNode segment : MappedSegments.flatten(type, segments)) {
            String tag = MappedSegments.tag(type, segment);
            List<String> elements = new ArrayList<>();
            elements.add(tag);
            int position = 0;
            for (JsonNode element : segment.path("elements")) {
                position++;
                String value = element.isNull() ? "" : element.asText();
                int at = position;
                delimiters.in(value).ifPresent(delimiter -> {
                    throw new DocumentMapping.MappingException(String.format("%s%02d of the %s would hold a delimiter (%s): '%s'", tag, at,
                            type, delimiter == '\n' || delimiter == '\r' ? "a line break" : "'" + delimiter + "'", value), null);
                });
                elements.add(value);
            }
            while (elements.size() > 2 && elements.get(elements.size() - 1).isEmpty()) {
                elements.remove(elements.size() - 1);
            }
            body.add(elements.toArray(String[]::new));
        }
        return body;
    }
}
