package io.crossdock.edi;

import java.io.ByteArrayOutputStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;

/**
 * Writes the X12 997 that answers one received functional group: per transaction set accepted or
 * rejected with the segment and element in error (AK2/AK3/AK4/AK5), and for the group as a whole
 * (AK9). An acknowledgment is never acknowledged.
 */
public final class FunctionalAcknowledgment {

    /** A group as received: its envelopes, its transaction sets and the errors of GS/GE themselves. */
    public record ReceivedGroup(Envelope interchange, FunctionalGroup group, List<EdiTransaction> transactions,
            List<EdiError> groupErrors) {
    }

    /** Who we are to this partner, in the envelopes we write to it, and the delimiters we write with (null: the usual ones). */
    public record OurIdentity(String qualifier, String id, String applicationId, Delimiters delimiters) {

        public OurIdentity(String qualifier, String id, String applicationId) {
            this(qualifier, id, applicationId, null);
        }

        /** Who we are to the partner its profile describes, writing with the delimiters it asks for. */
        public static OurIdentity towards(io.crossdock.partner.PartnerProfile.Edi edi) {
            return new OurIdentity(edi.us().qualifier(), edi.us().id(), edi.applicationIdOrDefault(), Delimiters.of(edi));
        }

        /** The delimiters we write X12 with to this partner. */
        Delimiters x12() {
            return delimiters != null ? delimiters : Delimiters.X12;
        }

        /** The delimiters we write EDIFACT with to this partner. */
        Delimiters edifact() {
            return delimiters != null ? delimiters : Delimiters.EDIFACT;
        }

    }

    /** Control numbers taken for the acknowledgment (see {@link ControlNumbers}). */
    public record Numbers(long interchange, long group) {
    }

    private FunctionalAcknowledgment() {
    }

    public static boolean isAcknowledgment(FunctionalGroup group) {
        return group != null && "FA".equals(group.functionalId());
    }

    /** The X12 997 for a received group. */
    public static byte[] write(ReceivedGroup received, OurIdentity us, Numbers numbers, LocalDateTime now) {
        return write(Kind.FA997, received, us, numbers, now);
    }

    /**
     * The X12 999 (005010X231A1) for a received group: as the 997, with the implementation guides named
     * (AK103, AK203) and the set's segments and elements in IK3/IK4/IK5.
     */
    public static byte[] write999(ReceivedGroup received, OurIdentity us, Numbers numbers, LocalDateTime now) {
        return write(Kind.IA999, received, us, numbers, now);
    }

    /** What tells a 997 from a 999: the transaction set, its guide, and the names of the set-level segments. */
    private enum Kind {
        FA997("997", null, "AK3", "AK4", "AK5"),
        IA999("999", "005010X231A1", "IK3", "IK4", "IK5");

        final String type;
        final String guide;
        final String segment;
        final String element;
        final String setStatus;

        Kind(String type, String guide, String segment, String element, String setStatus) {
            this.type = type;
            this.guide = guide;
            this.segment = segment;
            this.element = element;
            this.setStatus = setStatus;
        }
    }

    private static byte[] write(Kind kind, ReceivedGroup received, OurIdentity us, Numbers numbers, LocalDateTime now) {
        if (isAcknowledgment(received.group())) {
            throw new IllegalArgumentException("group " + received.group().controlNumber()
                    + " is itself an acknowledgment (GS01 FA): acknowledgments are never acknowledged");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            EDIStreamWriter writer = X12Envelopes.writer(out, us);
            String interchangeNumber = X12Envelopes.startInterchange(writer, received.interchange(), us,
                    numbers.interchange(), now);
            String groupNumber = String.valueOf(numbers.group());
            segment(writer, "GS", "FA", us.applicationId(), received.group().senderId(),
                    now.format(DateTimeFormatter.ofPattern("yyyyMMdd")), now.format(DateTimeFormatter.ofPattern("HHmm")),
                    groupNumber, "X", kind.guide != null ? kind.guide : received.group().version());
            List<String[]> body = new ArrayList<>();
            body.add(kind.guide != null
                    ? new String[] {"AK1", received.group().functionalId(), received.group().controlNumber(), received.group().version()}
                    : new String[] {"AK1", received.group().functionalId(), received.group().controlNumber()});
            int accepted = 0;
            for (EdiTransaction set : received.transactions()) {
                body.add(kind.guide != null && set.version() != null && set.version().contains("X")
                        ? new String[] {"AK2", set.type(), set.controlNumber(), set.version()}
                        : new String[] {"AK2", set.type(), set.controlNumber()});
                body.addAll(segmentErrors(kind, set));
                String[] status = setStatus(set);
                status[0] = kind.setStatus;
                body.add(status);
                if (!"R".equals(status[1])) {
                    accepted++;
                }
            }
            body.add(groupStatus(received, accepted));
            if (kind.guide != null) {
                segment(writer, "ST", kind.type, "0001", kind.guide);
            } else {
                segment(writer, "ST", kind.type, "0001");
            }
            for (String[] segment : body) {
                segment(writer, segment[0], java.util.Arrays.copyOfRange(segment, 1, segment.length));
            }
            segment(writer, "SE", String.valueOf(body.size() + 2), "0001");
            segment(writer, "GE", "1", groupNumber);
            X12Envelopes.endInterchange(writer, 1, interchangeNumber);
        } catch (EDIStreamException e) {
            throw new IllegalStateException("could not write the " + kind.type + " for group " + received.group().controlNumber(), e);
        }
        return out.toByteArray();
    }

    /** One AK3/IK3 per segment in error, followed by an AK4/IK4 for each of its elements in error. */
    private static List<String[]> segmentErrors(Kind kind, EdiTransaction set) {
        List<String[]> segments = new ArrayList<>();
        int first = set.segments().isEmpty() ? 1 : set.segments().get(0).position();
        int lastElementSegment = -1;
        for (EdiError error : set.errors()) {
            if ("SE".equals(error.segmentTag()) || "ST".equals(error.segmentTag())) {
                continue; // reported in AK5
            }
            String position = String.valueOf(error.segmentPosition() - first + 1);
            if (error.elementPosition() == 0) {
                segments.add(new String[] {kind.segment, error.segmentTag(), position, "", AcknowledgmentCodes.segmentCode(error.code())});
                lastElementSegment = -1;
            } else {
                if (error.segmentPosition() != lastElementSegment) {
                    segments.add(new String[] {kind.segment, error.segmentTag(), position, "", "8"});
                    lastElementSegment = error.segmentPosition();
                }
                String element = error.componentPosition() > 0
                        ? error.elementPosition() + ">" + error.componentPosition() : String.valueOf(error.elementPosition());
                segments.add(new String[] {kind.element, element, error.dataElement() == null ? "" : error.dataElement(),
                        AcknowledgmentCodes.elementCode(error.code()), error.value() == null ? "" : error.value()});
            }
        }
        return segments;
    }

    private static String[] setStatus(EdiTransaction set) {
        if (set.errors().isEmpty()) {
            return new String[] {"AK5", "A"};
        }
        List<String> codes = new ArrayList<>();
        for (EdiError error : set.errors()) {
            String code = switch (error.code()) {
                case "CONTROL_REFERENCE_MISMATCH" -> "3";
                case "CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT" -> "4";
                default -> "5";
            };
            if (!codes.contains(code) && codes.size() < 5) {
                codes.add(code);
            }
        }
        List<String> segment = new ArrayList<>(List.of("AK5", "R"));
        segment.addAll(codes);
        return segment.toArray(String[]::new);
    }

    private static String[] groupStatus(ReceivedGroup received, int accepted) {
        int count = received.transactions().size();
        List<String> codes = new ArrayList<>();
        for (EdiError error : received.groupErrors()) {
            if ("GE".equals(error.segmentTag())) {
                String code = "CONTROL_REFERENCE_MISMATCH".equals(error.code()) ? "4"
                        : "CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT".equals(error.code()) ? "5" : null;
                if (code != null && !codes.contains(code)) {
                    codes.add(code);
                }
            }
        }
        String status = !codes.isEmpty() || accepted == 0 ? "R" : accepted == count ? "A" : "P";
        List<String> segment = new ArrayList<>(List.of("AK9", status, String.valueOf(count), String.valueOf(count),
                String.valueOf(accepted)));
        segment.addAll(codes);
        return segment.toArray(String[]::new);
    }

    static void segment(EDIStreamWriter writer, String tag, String... elements) throws EDIStreamException {
        writer.writeStartSegment(tag);
        for (String element : elements) {
            if (element.contains(">") && !tag.equals("ISA")) {
                writer.writeStartElement();
                for (String component : element.split(">", -1)) {
                    writer.writeComponent(component);
                }
                writer.endElement();
            } else {
                writer.writeElement(element);
            }
        }
        writer.writeEndSegment();
    }

}
