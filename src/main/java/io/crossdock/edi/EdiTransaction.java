package io.crossdock.edi;

import java.util.List;

/**
 * One transaction set (X12 ST..SE) or message (EDIFACT UNH..UNT), with its envelope, its segments
 * (header and trailer included) and what is wrong in it.
 */
public record EdiTransaction(
        Envelope interchange,
        FunctionalGroup group,
        String type,
        String controlNumber,
        String version,
        List<EdiSegment> segments,
        List<EdiError> errors) {

    public boolean valid() {
        return errors.isEmpty();
    }

    /** Where its header (ST, UNH) is in the file: the same however often the file is read. */
    public int headerPosition() {
        return segments.isEmpty() ? -1 : segments.get(0).position();
    }

    /** The transaction without its body: its header segment and errors, what an acknowledgment needs. */
    public EdiTransaction outline() {
        return new EdiTransaction(interchange, group, type, controlNumber, version, segments.isEmpty() ? List.of() : List.of(segments.get(0)),
                errors);
    }
}
