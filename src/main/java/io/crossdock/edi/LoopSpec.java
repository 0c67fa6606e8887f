package io.crossdock.edi;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Which segments of a document open a loop and which belong to it, as data
 * ({@code mappings/x12/850.loops.yaml}): enough structure for a mapping to say "the ship-to party"
 * or "each line with its description" without a full implementation guide.
 */
public final class LoopSpec {

    private final Map<String, LoopSpec> loops = new LinkedHashMap<>();
    private final Set<String> members = new LinkedHashSet<>();

    private LoopSpec() {
    }

    public static LoopSpec none() {
        return new LoopSpec();
    }

    public static LoopSpec read(Path file) {
        try {
            Map<String, List<Object>> top = new ObjectMapper(new YAMLFactory())
                    .readValue(file.toFile(), new TypeReference<Map<String, List<Object>>>() { });
            LoopSpec spec = new LoopSpec();
            top.forEach((trigger, contents) -> spec.loops.put(trigger, loop(file, trigger, contents)));
            return spec;
        } catch (IOException e) {
            throw new IllegalArgumentException("loop spec " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static LoopSpec loop(Path file, String trigger, List<Object> contents) {
        LoopSpec loop = new LoopSpec();
        for (Object member : contents == null ? List.<Object>of() : contents) {
            if (member instanceof String tag) {
                loop.members.add(tag);
            } else if (member instanceof Map<?, ?> nested && nested.size() == 1) {
                var entry = ((Map<String, List<Object>>) nested).entrySet().iterator().next();
                loop.loops.put(entry.getKey(), loop(file, entry.getKey(), entry.getValue()));
            } else {
                throw new IllegalArgumentException(file + ": loop " + trigger + " has a member that is neither a"
                        + " segment tag nor a one-entry map of a nested loop: " + member);
            }
        }
        return loop;
    }

    /** The loop a segment opens here, if it opens one. */
    LoopSpec loopOpenedBy(String tag) {
        return loops.get(tag);
    }

    boolean hasMember(String tag) {
        return members.contains(tag);
    }
}
