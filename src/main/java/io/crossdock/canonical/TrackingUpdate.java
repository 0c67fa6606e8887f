package io.crossdock.canonical;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** A carrier's scan of a shipment, as a milestone (in transit, delivered, exception). */
public record TrackingUpdate(
        @NotBlank String shipmentId,
        @NotBlank String trackingNumber,
        @NotBlank String carrier,
        @NotNull Milestone milestone,
        @NotNull OffsetDateTime occurredAt,
        String location,
        String description) {

    public enum Milestone { IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED, EXCEPTION }
}
