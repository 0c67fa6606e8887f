package io.crossdock.canonical;

/**
 * One way an event or document breaks its schema.
 *
 * @param field where, as a JSON path from the data's root ({@code $.lines[0].quantity.unit})
 * @param rule the schema keyword it breaks ({@code required}, {@code pattern}, {@code type}, ...)
 */
public record Violation(String field, String rule, String message) {

    @Override
    public String toString() {
        return field + ": " + message + " (" + rule + ")";
    }
}
