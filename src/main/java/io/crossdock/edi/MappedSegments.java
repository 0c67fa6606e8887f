package io.crossdock.edi;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** What an outbound mapping made: segments {@code {"tag", "elements"}} in a list that may nest (a line's segments together). */
final class MappedSegments {

    private MappedSegments() {
    }

    /** The document's segments in order; a mapping that made none is refused. */
    static List<JsonNode> flatten(String type, JsonNode segments) {
        if (segments == null || !segments.isArray() || segments.isEmpty()) {
            throw new DocumentMapping.MappingException("the " + type + " mapping made no segments", null);
        }
        return flatten(segments, new ArrayList<>());
    }

    private static List<JsonNode> flatten(JsonNode node, List<JsonNode> into) {
        if (node.isArray()) {
            node.forEach(child -> flatten(child, into));
        } else if (!node.isNull()) {
            into.add(node);
        }
        return into;
    }

    /** The segment's tag: two or three capitals and digits, starting with a letter. */
    static String tag(String type, JsonNode segment) {
        String tag = segment.path("tag").asText("");
        if (!tag.matches("[A-Z][A-Z0-9]{1,2}")) {
            throw new DocumentMapping.MappingException("the " + type + " mapping made a segment without a valid tag: " + segment, null);
        }
        return tag;
    }
}
