package io.crossdock.edi;

import java.io.ByteArrayOutputStream;
import java.time.LocalDateTime;

import io.crossdock.edi.FunctionalAcknowledgment.OurIdentity;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;

/**
 * The X12 TA1: what we say about an interchange as a whole when its envelope is at fault (it ended
 * early, its trailer does not match, it was sent before, its sender is not who it should be).
 */
public final class InterchangeAcknowledgment {

    /** TA105 note codes (X12 I18) Crossdock sends. */
    public enum Note {
        CONTROL_NUMBER_MISMATCH("001"),
        INVALID_SENDER("006"),
        INVALID_GROUP_COUNT("021"),
        PREMATURE_END_OF_FILE("023"),
        DUPLICATE_INTERCHANGE("025");

        final String code;

        Note(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private InterchangeAcknowledgment() {
    }

    /** A rejecting TA1 for {@code theirs}, in an interchange of its own numbered {@code ourNumber}. */
    public static byte[] reject(Envelope theirs, Note note, OurIdentity us, long ourNumber, LocalDateTime now) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            EDIStreamWriter writer = X12Envelopes.writer(out, us);
            String control = X12Envelopes.startInterchange(writer, theirs, us, ourNumber, now);
            FunctionalAcknowledgment.segment(writer, "TA1", theirs.interchangeControlNumber(), theirs.date(),
                    theirs.time(), "R", note.code());
            X12Envelopes.endInterchange(writer, 0, control);
        } catch (EDIStreamException e) {
            throw new IllegalStateException("could not write a TA1 for interchange " + theirs.interchangeControlNumber(), e);
        }
        return out.toByteArray();
    }
}
