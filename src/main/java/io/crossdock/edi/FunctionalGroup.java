package io.crossdock.edi;

/** A GS or UNG functional group header; EDIFACT interchanges without UNG have none. */
public record FunctionalGroup(String functionalId, String senderId, String receiverId, String controlNumber,
        String version) {
}
