package io.crossdock.edi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.crossdock.partner.PartnerProfile;
import io.xlate.edi.stream.EDIStreamConstants;

/**
 * The delimiters we write to a partner: the standard's usual ones ({@code ~ * > ^} for X12,
 * {@code ' + : ?} for EDIFACT) unless its profile names others ({@code edi.delimiters}). A character
 * {@code '\0'} is not used (X12 has no release character; EDIFACT syntax 3 no repetition separator).
 */
public record Delimiters(char segment, char element, char component, char repetition, char release) {

    public static final Delimiters X12 = new Delimiters('~', '*', '>', '^', '\0');
    public static final Delimiters EDIFACT = new Delimiters('\'', '+', ':', '\0', '?');

    /** The partner's delimiters over its standard's usual ones; an IllegalArgumentException names what cannot be used. */
    public static Delimiters of(PartnerProfile.Edi edi) {
        Delimiters usual = edi.isEdifact() ? EDIFACT : X12;
        PartnerProfile.Delimiters named = edi.delimiters();
        if (named == null) {
            return usual;
        }
        Delimiters chosen = new Delimiters(one("segment", named.segment(), usual.segment), one("element", named.element(), usual.element),
                one("component", named.component(), usual.component), one("repetition", named.repetition(), usual.repetition),
                one("release", named.release(), usual.release));
        List<Character> used = chosen.all();
        if (used.stream().distinct().count() != used.size()) {
            throw new IllegalArgumentException("edi.delimiters must all differ, but are " + chosen.describe());
        }
        if (!edi.isEdifact() && chosen.release != '\0') {
            throw new IllegalArgumentException("edi.delimiters.release is EDIFACT's: X12 has no release character");
        }
        return chosen;
    }

    private static char one(String name, String value, char usual) {
        if (value == null) {
            return usual;
        }
        if (value.length() != 1 || Character.isLetterOrDigit(value.charAt(0)) || value.charAt(0) == ' ' && !"repetition".equals(name)) {
            throw new IllegalArgumentException("edi.delimiters." + name + " '" + value + "' must be one character, not a letter, digit"
                    + " or space");
        }
        return value.charAt(0);
    }

    /** StAEDI's writer properties for these delimiters. */
    Map<String, Character> staedi() {
        Map<String, Character> properties = new LinkedHashMap<>();
        properties.put(EDIStreamConstants.Delimiters.SEGMENT, segment);
        properties.put(EDIStreamConstants.Delimiters.DATA_ELEMENT, element);
        properties.put(EDIStreamConstants.Delimiters.COMPONENT_ELEMENT, component);
        if (repetition != '\0') {
            properties.put(EDIStreamConstants.Delimiters.REPETITION, repetition);
        }
        if (release != '\0') {
            properties.put(EDIStreamConstants.Delimiters.RELEASE, release);
        }
        return properties;
    }

    /** The first delimiter {@code value} holds (a line break counts: it would end the segment for many readers). */
    Optional<Character> in(String value) {
        List<Character> delimiters = all();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || delimiters.contains(c)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private List<Character> all() {
        return List.of(segment, element, component, repetition, release).stream().filter(c -> c != '\0').toList();
    }

    private String describe() {
        return "segment '" + segment + "', element '" + element + "', component '" + component + "'"
                + (repetition != '\0' ? ", repetition '" + repetition + "'" : "") + (release != '\0' ? ", release '" + release + "'" : "");
    }
}
