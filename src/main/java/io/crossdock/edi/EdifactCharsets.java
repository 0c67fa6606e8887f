package io.crossdock.edi;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The character repertoires an EDIFACT UNB names (syntax identifier 0001): which characters UNOA and
 * UNOB allow, and the byte encoding of each level we write. A value outside the declared repertoire
 * is reported when read and refused when written, never silently altered.
 */
public final class EdifactCharsets {

    /** ISO 9735 level A: upper-case letters, digits, space and . , - ( ) / = ' + : ? ! " % & * ; < > */
    static final String UNOA = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,-()/='+:?!\"%&*;<>";
    /** Level B adds lower-case letters and @ [ ] { } _ \\ | ~ # $ ` ^ */
    static final String UNOB = UNOA + "abcdefghijklmnopqrstuvwxyz@[]{}_\\|~#$`^";

    private static final Map<String, Charset> ENCODINGS = Map.of(
            "UNOA", StandardCharsets.US_ASCII,
            "UNOB", StandardCharsets.US_ASCII,
            "UNOC", StandardCharsets.ISO_8859_1,
            "UNOD", Charset.forName("ISO-8859-2"),
            "UNOE", Charset.forName("ISO-8859-5"),
            "UNOF", Charset.forName("ISO-8859-7"),
            "UNOW", StandardCharsets.UTF_8,
            "UNOY", StandardCharsets.UTF_8);

    private EdifactCharsets() {
    }

    /** The levels we can write, for validating a partner profile. */
    public static java.util.Set<String> writable() {
        return ENCODINGS.keySet();
    }

    static Charset encoding(String syntaxIdentifier) {
        Charset charset = ENCODINGS.get(syntaxIdentifier);
        if (charset == null) {
            throw new IllegalArgumentException("'" + syntaxIdentifier + "' is no character set we write (one of "
                    + new java.util.TreeSet<>(ENCODINGS.keySet()) + ")");
        }
        return charset;
    }

    /** The first character of {@code value} the named repertoire does not hold, if any. */
    static Optional<Character> outside(String syntaxIdentifier, String value) {
        String allowed = "UNOA".equals(syntaxIdentifier) ? UNOA : "UNOB".equals(syntaxIdentifier) ? UNOB : null;
        java.nio.charset.CharsetEncoder encoder = allowed == null && ENCODINGS.containsKey(syntaxIdentifier)
                ? ENCODINGS.get(syntaxIdentifier).newEncoder() : null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (allowed != null ? allowed.indexOf(c) < 0 : encoder != null && !encoder.canEncode(c)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
