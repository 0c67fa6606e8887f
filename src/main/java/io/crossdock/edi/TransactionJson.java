package io.crossdock.edi;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A transaction as plain maps and lists for a declarative mapping: each segment is an object of its
 * elements by name ({@code BEG03}), segments repeat as lists under their tag, and a loop is a list
 * of objects under the tag that opens it, holding its own segments ({@code PO1[0].PID[0].PID05}).
 */
public final class TransactionJson {

    private TransactionJson() {
    }

    public static Map<String, Object> of(EdiTransaction transaction, LoopSpec spec) {
        Map<String, Object> root = new LinkedHashMap<>();
        Deque<Frame> open = new ArrayDeque<>();
        open.push(new Frame(spec, root, null));
        for (EdiSegment segment : transaction.segments()) {
            while (true) {
                Frame frame = open.peek();
                LoopSpec opened = frame.spec().loopOpenedBy(segment.tag());
                if (opened != null) {
                    Map<String, Object> instance = new LinkedHashMap<>();
                    add(frame.content(), segment.tag(), instance);
                    add(instance, segment.tag(), elements(segment));
                    open.push(new Frame(opened, instance, segment.tag()));
                    break;
                }
                if (frame.trigger() == null || frame.spec().hasMember(segment.tag())) {
                    add(frame.content(), segment.tag(), elements(segment));
                    break;
                }
                open.pop();
            }
        }
        return root;
    }

    private static Map<String, Object> elements(EdiSegment segment) {
        Map<String, Object> elements = new LinkedHashMap<>();
        for (int i = 0; i < segment.elements().size(); i++) {
            Object value = segment.elements().get(i);
            boolean empty = value instanceof String text ? text.isEmpty() : ((List<?>) value).isEmpty();
            if (!empty) {
                elements.put(segment.tag() + (i < 9 ? "0" : "") + (i + 1), value); // BEG03: the name engineers know
            }
        }
        return elements;
    }

    @SuppressWarnings("unchecked")
    private static void add(Map<String, Object> content, String tag, Object value) {
        ((List<Object>) content.computeIfAbsent(tag, t -> new ArrayList<>())).add(value);
    }

    private record Frame(LoopSpec spec, Map<String, Object> content, String trigger) {
    }
}
