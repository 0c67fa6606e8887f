package io.crossdock.edi;

import java.io.ByteArrayOutputStream;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.crossdock.edi.FunctionalAcknowledgment.OurIdentity;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;

/**
 * One EDIFACT message we send (ORDRSP, DESADV, INVOIC, ...), in its own interchange: the segments a
 * mapping made between UNH and UNT ({@code {"tag", "elements"}}, an element a string or a list of
 * components), with our interchange reference. Delimiters inside values are escaped with the release
 * character; a character outside the partner's character set is refused, naming the segment and
 * element, rather than written as something else.
 */
public final class OutboundMessage {

    /** UNH's message reference: one message an interchange, so the interchange reference tells them apart. */
    static final String MESSAGE_REFERENCE = "1";

    /** Who receives it (UNB S003) and how we write to it (UNB S001: character set and syntax version). */
    public record Addressee(String qualifier, String id, String charset, String syntaxVersion) {
    }

    /**
     * @param messageVersion UNH S009 after the type: {@code D:96A:UN}, with an association code such as
     *     {@code D:96A:UN:EAN008} when the partner wants one
     */
    public static byte[] write(String type, JsonNode segments, Addressee to, OurIdentity us, String messageVersion, boolean test,
            long reference, LocalDateTime now) {
        List<List<List<String>>> body = body(type, segments, to.charset());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String interchange = String.valueOf(reference);
        try {
            EDIStreamWriter writer = EdifactEnvelopes.writer(out, us, to.charset());
            writer.startInterchange();
            EdifactEnvelopes.segment(writer, "UNB", EdifactEnvelopes.unb(to.charset(), to.syntaxVersion(), us, to.id(), to.qualifier(), now,
                    interchange, test));
            List<String> identifier = new ArrayList<>(List.of(type));
            identifier.addAll(List.of(messageVersion.split(":")));
            EdifactEnvelopes.segment(writer, "UNH", List.of(List.of(MESSAGE_REFERENCE), identifier));
            for (List<List<String>> segment : body) {
                EdifactEnvelopes.segment(writer, segment.get(0).get(0), segment.subList(1, segment.size()));
            }
            EdifactEnvelopes.segment(writer, "UNT", List.of(List.of(String.valueOf(body.size() + 2)), List.of(MESSAGE_REFERENCE)));
            EdifactEnvelopes.segment(writer, "UNZ", List.of(List.of("1"), List.of(interchange)));
            writer.endInterchange();
            writer.close();
        } catch (EDIStreamException e) {
            throw new IllegalStateException("could not write the " + type + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private OutboundMessage() {
    }

    private static List<List<List<String>>> body(String type, JsonNode segments, String charset) {
        List<List<List<String>>> body = new ArrayList<>();
        for (JsonNode segment : MappedSegments.flatten(type, segments)) {
            String tag = MappedSegments.tag(type, segment);
            List<List<String>> elements = new ArrayList<>();
            elements.add(List.of(tag));
            int position = 0;
            for (JsonNode element : segment.path("elements")) {
                position++;
                List<String> components = new ArrayList<>();
                for (JsonNode component : element.isArray() ? element : List.of(element)) {
                    String value = component.isNull() ? "" : component.asText();
                    int at = position;
                    int componentAt = components.size() + 1;
                    EdifactCharsets.outside(charset, value).ifPresent(c -> {
                        throw new DocumentMapping.MappingException(String.format("%s%02d%s of the %s holds '%s', which %s does not have: '%s'",
                                tag, at, element.isArray() ? "-" + componentAt : "", type, c, charset, value), null);
                    });
                    components.add(value);
                }
                while (components.size() > 1 && components.get(components.size() - 1).isEmpty()) {
                    components.remove(components.size() - 1);
                }
                elements.add(components.isEmpty() ? List.of("") : components);
            }
            while (elements.size() > 2 && elements.get(elements.size() - 1).equals(List.of(""))) {
                elements.remove(elements.size() - 1);
            }
            body.add(elements);
        }
        return body;
    }
}
