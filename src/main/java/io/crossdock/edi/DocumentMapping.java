package io.crossdock.edi;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import io.crossdock.canonical.CanonicalJson;

/**
 * A declarative mapping in JSONata, read from {@code mappings/}: integration engineers read and
 * change it without Java. Two helpers are bound for EDI: {@code $decimal(text)} keeps amounts exact
 * (never a binary float) and {@code $date(CCYYMMDD)} gives an ISO date.
 */
public final class DocumentMapping {

    private static final java.util.regex.Pattern DATE_TIME = java.util.regex.Pattern.compile("\\d{12}|\\d{14}");
    private static final java.util.regex.Pattern CCYYMMDD = java.util.regex.Pattern.compile("\\d{8}");
    private static final java.util.regex.Pattern YYMMDD = java.util.regex.Pattern.compile("\\d{6}");

    private final Path file;
    private final String expression;
    private final ThreadLocal<Jsonata> compiled;

    private DocumentMapping(Path file, String expression) {
        this.file = file;
        this.expression = expression;
        this.compiled = ThreadLocal.withInitial(this::compile);
        compile(); // a broken mapping is refused when it is loaded, not when the first document arrives
    }

    public static DocumentMapping read(Path file) {
        try {
            return new DocumentMapping(file, Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("mapping " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Applies the mapping; the result as JSON, with the given variables bound ({@code $partner} etc.). */
    public JsonNode apply(Object document, Map<String, Object> variables) {
        Jsonata mapping = compiled.get();
        Jsonata.Frame frame = mapping.createFrame();
        variables.forEach(frame::bind);
        frame.bind("decimal", (Jsonata.Fn1<Object, Object>) DocumentMapping::decimal);
        frame.bind("date", (Jsonata.Fn1<Object, Object>) DocumentMapping::isoDate);
        try {
            return CanonicalJson.MAPPER.valueToTree(mapping.evaluate(document, frame));
        } catch (RuntimeException e) {
            throw new MappingException(file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    private Jsonata compile() {
        try {
            return Jsonata.jsonata(expression);
        } catch (RuntimeException e) {
            throw new MappingException("mapping " + file + " is not valid JSONata: " + e.getMessage(), e);
        }
    }

    private static Object decimal(Object text) {
        if (text == null) {
            return null;
        }
        String number = text.toString().trim();
        // EDIFACT allows a decimal comma (UNA3 or not); X12 never writes one.
        if (number.indexOf(',') >= 0 && number.indexOf('.') < 0) {
            number = number.replace(',', '.');
        }
        try {
            return new BigDecimal(number);
        } catch (NumberFormatException e) {
            return text; // left as text: the schema then names the field as not a number
        }
    }

    private static Object isoDate(Object text) {
        if (text == null) {
            return null;
        }
        String value = text.toString();
        if (DATE_TIME.matcher(value).matches()) {
            value = value.substring(0, 8); // EDIFACT 203/204: CCYYMMDDHHMM[SS]; the date is what a date field takes
        }
        return CCYYMMDD.matcher(value).matches() ? value.substring(0, 4) + "-" + value.substring(4, 6) + "-" + value.substring(6)
                : YYMMDD.matcher(value).matches() ? "20" + value.substring(0, 2) + "-" + value.substring(2, 4) + "-"
                        + value.substring(4) : value;
    }

    /** A mapping that cannot be compiled or failed on a document; the message names the mapping file. */
    public static class MappingException extends RuntimeException {
        public MappingException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
