package io.crossdock.edi;

import java.util.List;

/**
 * A segment as read: its tag, its position in the file, and its elements. An element is a String,
 * or a List of Strings when it is a composite or a repeated element ({@link Repetitions}); an absent
 * element is an empty String.
 */
public record EdiSegment(String tag, int position, List<Object> elements) {

    /** The values of a repeated simple element (one list where a composite would be its components). */
    public static final class Repetitions extends java.util.ArrayList<Object> {

        Repetitions(List<String> first) {
            super(first);
        }
    }

    /** Element {@code n} (1-based, as in BEG03), or "" when absent. Composites give their first component. */
    public String element(int n) {
        if (n < 1 || n > elements.size()) {
            return "";
        }
        Object value = elements.get(n - 1);
        return value instanceof List<?> components ? (components.isEmpty() ? "" : String.valueOf(components.get(0)))
                : String.valueOf(value);
    }

    /** Component {@code c} (1-based) of element {@code n}: a simple element is its own first component; "" when absent. */
    public String element(int n, int c) {
        if (n < 1 || n > elements.size() || c < 1) {
            return "";
        }
        Object value = elements.get(n - 1);
        if (value instanceof List<?> components) {
            return c <= components.size() ? String.valueOf(components.get(c - 1)) : "";
        }
        return c == 1 ? String.valueOf(value) : "";
    }
}
