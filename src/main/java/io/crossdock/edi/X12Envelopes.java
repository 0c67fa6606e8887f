package io.crossdock.edi;

import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import io.crossdock.edi.FunctionalAcknowledgment.OurIdentity;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;

/** The ISA/IEA of what we send back to a partner, addressed from the interchange it sent us. */
final class X12Envelopes {

    private X12Envelopes() {
    }

    /** A writer with the delimiters we use for this partner (the usual ~ * > ^ unless its profile says otherwise). */
    static EDIStreamWriter writer(OutputStream out, OurIdentity us) {
        return EdiWriters.writer(out, us.x12().staedi());
    }

    /** Writes the ISA answering {@code theirs}, in its version and test mode; returns our ISA13. */
    static String startInterchange(EDIStreamWriter writer, Envelope theirs, OurIdentity us, long number,
            LocalDateTime now) throws EDIStreamException {
        return startInterchange(writer, theirs.senderQualifier(), theirs.senderId(), us,
                theirs.version().isBlank() ? "00401" : theirs.version(), theirs.test(), number, now);
    }

    /** Writes the ISA of a document we start (no interchange to answer); returns our ISA13. */
    static String startInterchange(EDIStreamWriter writer, String receiverQualifier, String receiverId, OurIdentity us,
            String version, boolean test, long number, LocalDateTime now) throws EDIStreamException {
        String control = String.format("%09d", number);
        writer.startInterchange();
        FunctionalAcknowledgment.segment(writer, "ISA", "00", pad("", 10), "00", pad("", 10), us.qualifier(),
                pad(us.id(), 15), receiverQualifier, pad(receiverId, 15),
                now.format(DateTimeFormatter.ofPattern("yyMMdd")), now.format(DateTimeFormatter.ofPattern("HHmm")),
                version.compareTo("00402") >= 0 ? String.valueOf(us.x12().repetition()) : "U", version, control, "0", test ? "T" : "P",
                String.valueOf(us.x12().component()));
        return control;
    }

    static void endInterchange(EDIStreamWriter writer, int groups, String control) throws EDIStreamException {
        FunctionalAcknowledgment.segment(writer, "IEA", String.valueOf(groups), control);
        writer.endInterchange();
        writer.close();
    }

    private static String pad(String value, int width) {
        return value.length() >= width ? value.substring(0, width) : value + " ".repeat(width - value.length());
    }
}
