package io.crossdock.edi;

import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import io.crossdock.edi.FunctionalAcknowledgment.OurIdentity;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;

/** What every EDIFACT interchange we write shares: its delimiters, segments of composites, and its UNB. */
final class EdifactEnvelopes {

    private EdifactEnvelopes() {
    }

    /**
     * A writer with the delimiters we use for this partner (a delimiter inside a value is escaped with the
     * release character), encoding as the interchange's character set says; one we do not know is
     * written as ISO 8859-1, which holds UNOA, UNOB and UNOC.
     */
    static EDIStreamWriter writer(OutputStream out, OurIdentity us, String charset) {
        return EdiWriters.writer(out, us.edifact().staedi(), EdifactCharsets.writable().contains(charset)
                ? EdifactCharsets.encoding(charset) : java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** UNB from us to a partner: syntax 4 writes the date with its century, syntax 3 without. */
    static List<List<String>> unb(String charset, String syntaxVersion, OurIdentity us, String theirId, String theirQualifier,
            LocalDateTime now, String reference, boolean test) {
        boolean syntax4 = "4".equals(syntaxVersion);
        List<List<String>> unb = new ArrayList<>(List.of(List.of(charset, syntaxVersion), List.of(us.id(), us.qualifier()),
                List.of(theirId, theirQualifier), List.of(now.format(DateTimeFormatter.ofPattern(syntax4 ? "yyyyMMdd" : "yyMMdd")),
                        now.format(DateTimeFormatter.ofPattern("HHmm"))), List.of(reference)));
        if (test) {
            // 0035 test indicator is UNB's eleventh element; the five before it stay empty.
            for (int i = 0; i < 5; i++) {
                unb.add(List.of(""));
            }
            unb.add(List.of("1"));
        }
        return unb;
    }

    /** One segment: each element a list of components (one component: a simple element). */
    static void segment(EDIStreamWriter writer, String tag, List<List<String>> elements) throws EDIStreamException {
        writer.writeStartSegment(tag);
        for (List<String> element : elements) {
            if (element.size() == 1) {
                writer.writeElement(element.get(0));
            } else {
                writer.writeStartElement();
                for (String component : element) {
                    writer.writeComponent(component);
                }
                writer.endElement();
            }
        }
        writer.writeEndSegment();
    }
}
