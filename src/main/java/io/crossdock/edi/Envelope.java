package io.crossdock.edi;

import java.util.Map;

/**
 * Who sent an interchange to whom, under which control number: read from ISA/GS or UNB/UNG.
 *
 * @param standard X12 or EDIFACT
 * @param delimiters as detected from the file (never assumed)
 * @param position the header segment's position in the file
 */
public record Envelope(
        String standard,
        String version,
        String senderQualifier,
        String senderId,
        String receiverQualifier,
        String receiverId,
        String interchangeControlNumber,
        String date,
        String time,
        boolean test,
        String charset,
        Map<String, Character> delimiters,
        int position) {
}
