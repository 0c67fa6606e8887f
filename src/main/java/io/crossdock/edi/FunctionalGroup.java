package io.crossdock.edi;

/** A GS or UNG functional group header (position: its segment in the file); EDIFACT interchanges without UNG have none. */
public record FunctionalGroup(String functionalId, String senderId, String receiverId, String controlNumber,
        String version, int position) {
}
