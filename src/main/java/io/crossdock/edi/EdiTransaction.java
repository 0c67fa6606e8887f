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
}
