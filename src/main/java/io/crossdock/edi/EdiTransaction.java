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

    /** The transaction without its body: its header segment and errors, what an acknowledgment needs. */
    public EdiTransaction outline() {
        return new EdiTransaction(interchange, group, type, controlNumber, version, segments.isEmpty() ? List.of() : List.of(segments.get(0)),
                errors);
    }
}
