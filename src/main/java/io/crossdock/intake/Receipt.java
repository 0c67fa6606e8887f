package io.crossdock.intake;

import java.time.OffsetDateTime;

/**
 * What the intake decided about one file it read.
 *
 * @param correlationId follows this file, and everything made from it, to the last byte sent
 * @param originalCorrelationId for a duplicate, the receipt of the first copy; otherwise null
 */
public record Receipt(
        Outcome outcome,
        String correlationId,
        String partner,
        String fileName,
        String contentSha256,
        long sizeBytes,
        String archiveId,
        OffsetDateTime receivedAt,
        String originalCorrelationId,
        String originalFileName) {

    public enum Outcome {
        /** First time these bytes arrive from this partner: hand them on. */
        NEW,
        /** Received before but never handed on (a failed attempt): hand on again under the same id. */
        RESUMED,
        /** These bytes were handed on already: report, never process again. */
        DUPLICATE
    }

    public boolean toBeHandedOn() {
        return outcome != Outcome.DUPLICATE;
    }
}
