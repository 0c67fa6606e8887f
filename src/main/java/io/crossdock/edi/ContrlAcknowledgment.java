package io.crossdock.edi;

import java.io.ByteArrayOutputStream;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.crossdock.edi.FunctionalAcknowledgment.OurIdentity;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;

import static io.crossdock.edi.EdifactEnvelopes.segment;

/**
 * Writes the EDIFACT CONTRL answering one interchange (syntax 3: CONTRL:D:3:UN; syntax 4:
 * CONTRL:4:1:UN): UCI for the interchange (action 4 when it is truncated or its UNZ disagrees, or 7
 * acknowledged), UCF per functional group, and UCM per message (7, or 4, with the UNH/UNT fault
 * itself) with UCS/UCD naming each segment and data element in error by its position in the message.
 */
public final class ContrlAcknowledgment {

    private static final String REJECTED = "4";
    private static final String ACKNOWLEDGED = "7";

    /** Envelope faults that refuse the whole interchange wherever they are found. */
    private static final java.util.Set<String> REFUSING = java.util.Set.of("TRUNCATED", "DUPLICATE_INTERCHANGE", "UNKNOWN_INTERCHANGE_SENDER");

    private ContrlAcknowledgment() {
    }

    /** Why an interchange is refused as a whole, as the envelope error a CONTRL's UCI reports. */
    public static EdiError refusal(Envelope interchange, InterchangeAcknowledgment.Note note) {
        return switch (note) {
            case PREMATURE_END_OF_FILE -> new EdiError("TRUNCATED", "UNZ", interchange.position(), 0, 0, null, "the file ends before UNZ");
            case CONTROL_NUMBER_MISMATCH -> new EdiError("CONTROL_REFERENCE_MISMATCH", "UNZ", interchange.position(), 2, 0, null,
                    "UNZ's reference is not UNB's");
            case INVALID_GROUP_COUNT -> new EdiError("CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT", "UNZ", interchange.position(), 1, 0, null,
                    "UNZ's count is not what the interchange holds");
            case DUPLICATE_INTERCHANGE -> new EdiError("DUPLICATE_INTERCHANGE", "UNB", interchange.position(), 5, 0,
                    interchange.interchangeControlNumber(), "received before");
            case INVALID_SENDER -> new EdiError("UNKNOWN_INTERCHANGE_SENDER", "UNB", interchange.position(), 2, 0, interchange.senderId(),
                    "not one of the partner's identifiers");
        };
    }

    /**
     * @param envelopeErrors errors of the interchange's own service segments (UNB, UNG, UNE, UNZ), the
     *     truncation of a file without its UNZ among them
     */
    public static byte[] write(Envelope theirs, List<EdiTransaction> messages, List<EdiError> envelopeErrors, OurIdentity us,
            long reference, LocalDateTime now) {
        boolean syntax4 = "4".equals(theirs.version());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            EDIStreamWriter writer = EdifactEnvelopes.writer(out, us, theirs.charset());
            writer.startInterchange();
            String ourReference = String.valueOf(reference);
            segment(writer, "UNB", EdifactEnvelopes.unb(theirs.charset() == null ? "UNOA" : theirs.charset(), theirs.version(), us,
                    theirs.senderId(), theirs.senderQualifier(), now, ourReference, false));
            List<List<List<String>>> body = new ArrayList<>();
            // The interchange is refused when it is incomplete or its trailer disagrees with it; a UNB value
            // off its code list (a processing priority, a short date) changes nothing it says, so it is read.
            Optional<EdiError> interchangeError = envelopeErrors.stream()
                    .filter(error -> "UNZ".equals(error.segmentTag()) || REFUSING.contains(error.code()))
                    .findFirst();
            List<List<String>> uci = new ArrayList<>(List.of(List.of(theirs.interchangeControlNumber()),
                    List.of(theirs.senderId(), theirs.senderQualifier()), List.of(theirs.receiverId(), theirs.receiverQualifier()),
                    List.of(interchangeError.isPresent() ? REJECTED : ACKNOWLEDGED)));
            // A file that ends early misses its UNZ, wherever the reader stopped.
            interchangeError.ifPresent(error -> uci.addAll(where(error, "TRUNCATED".equals(error.code()) ? "UNZ" : error.segmentTag())));
            body.add(tagged("UCI", uci));
            if (interchangeError.isEmpty()) {
                Map<FunctionalGroup, List<EdiTransaction>> groups = new LinkedHashMap<>();
                messages.forEach(message -> groups.computeIfAbsent(message.group(), g -> new ArrayList<>()).add(message));
                groups.forEach((group, inGroup) -> {
                    if (group != null) {
                        boolean groupRejected = envelopeErrors.stream().anyMatch(error -> "UNE".equals(error.segmentTag()));
                        body.add(tagged("UCF", List.of(List.of(group.controlNumber()), List.of(group.senderId()),
                                List.of(group.receiverId()), List.of(groupRejected ? REJECTED : ACKNOWLEDGED))));
                    }
                    inGroup.forEach(message -> body.addAll(messageResponse(message)));
                });
            }
            segment(writer, "UNH", List.of(List.of("1"), syntax4 ? List.of("CONTRL", "4", "1", "UN") : List.of("CONTRL", "D", "3", "UN")));
            for (List<List<String>> segment : body) {
                segment(writer, segment.get(0).get(0), segment.subList(1, segment.size()));
            }
            segment(writer, "UNT", List.of(List.of(String.valueOf(body.size() + 2)), List.of("1")));
            segment(writer, "UNZ", List.of(List.of("1"), List.of(ourReference)));
            writer.endInterchange();
            writer.close();
        } catch (EDIStreamException e) {
            throw new IllegalStateException("could not write the CONTRL for interchange " + theirs.interchangeControlNumber(), e);
        }
        return out.toByteArray();
    }

    private static List<List<List<String>>> messageResponse(EdiTransaction message) {
        List<List<List<String>>> segments = new ArrayList<>();
        EdiSegment unh = message.segments().get(0);
        List<String> identifier = new ArrayList<>(List.of(message.type()));
        identifier.addAll(List.of(message.version().split(":")));
        List<List<String>> ucm = new ArrayList<>(List.of(List.of(message.controlNumber()), identifier,
                List.of(message.errors().isEmpty() ? ACKNOWLEDGED : REJECTED)));
        if (!message.errors().isEmpty()) {
            EdiError first = message.errors().get(0);
            // A fault of UNH/UNT is the message's own (on UCM); one inside the message is told by UCS/UCD below.
            if ("UNH".equals(first.segmentTag()) || "UNT".equals(first.segmentTag())) {
                ucm.addAll(where(first, first.segmentTag()));
            }
        }
        segments.add(tagged("UCM", ucm));
        for (EdiError error : message.errors()) {
            if ("UNH".equals(error.segmentTag()) || "UNT".equals(error.segmentTag())) {
                continue;
            }
            String position = String.valueOf(error.segmentPosition() - unh.position() + 1);
            if (error.elementPosition() > 0) {
                segments.add(tagged("UCS", List.of(List.of(position))));
                segments.add(tagged("UCD", List.of(List.of(AcknowledgmentCodes.syntaxCode(error.code())),
                        error.componentPosition() > 0 ? List.of(String.valueOf(error.elementPosition()), String.valueOf(error.componentPosition()))
                                : List.of(String.valueOf(error.elementPosition())))));
            } else {
                segments.add(tagged("UCS", List.of(List.of(position), List.of(AcknowledgmentCodes.syntaxCode(error.code())))));
            }
        }
        return segments;
    }

    /** Syntax error code, service segment tag and data element position, as UCI/UCM carry them. */
    private static List<List<String>> where(EdiError error, String segmentTag) {
        List<List<String>> where = new ArrayList<>(List.of(List.of(AcknowledgmentCodes.syntaxCode(error.code())),
                List.of(Objects.requireNonNullElse(segmentTag, ""))));
        if (error.elementPosition() > 0) {
            where.add(error.componentPosition() > 0 ? List.of(String.valueOf(error.elementPosition()), String.valueOf(error.componentPosition()))
                    : List.of(String.valueOf(error.elementPosition())));
        }
        return where;
    }

    private static List<List<String>> tagged(String tag, List<List<String>> elements) {
        List<List<String>> segment = new ArrayList<>();
        segment.add(List.of(tag));
        segment.addAll(elements);
        return segment;
    }
}
