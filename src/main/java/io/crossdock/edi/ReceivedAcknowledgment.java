package io.crossdock.edi;

import java.util.ArrayList;
import java.util.List;

/**
 * A partner's 997 or 999 read for what it says about a group we sent: the group's status and
 * counts (AK9), each transaction set's status (AK5/IK5) and, for sets in error, the segments and
 * elements the partner objected to (AK3/IK3, AK4/IK4, with 999 CTX context), with the codes in words.
 */
public record ReceivedAcknowledgment(
        String type,
        String functionalId,
        String groupControlNumber,
        Status groupStatus,
        int setsIncluded,
        int setsReceived,
        int setsAccepted,
        List<String> groupErrors,
        List<SetAcknowledgment> sets) {

    /** AK5-01/IK5-01 and AK9-01; a CONTRL's 0083 (RECEIVED: read by the partner, not yet checked). */
    public enum Status {
        ACCEPTED, ACCEPTED_WITH_ERRORS, PARTIALLY_ACCEPTED, REJECTED, RECEIVED;

        static Status of(String code) {
            return switch (code) {
                case "A" -> ACCEPTED;
                case "E" -> ACCEPTED_WITH_ERRORS;
                case "P" -> PARTIALLY_ACCEPTED;
                case "R", "M", "W", "X" -> REJECTED;
                default -> throw new IllegalArgumentException("'" + code + "' is no acknowledgment status (A, E, P, R, M, W or X)");
            };
        }

        public boolean accepted() {
            return this == ACCEPTED || this == ACCEPTED_WITH_ERRORS;
        }
    }

    public record SetAcknowledgment(String type, String controlNumber, Status status, List<String> errors, List<SegmentNote> segments) {
    }

    /** A segment the partner objected to, where and why, with its elements' problems. */
    public record SegmentNote(String segment, String position, String loop, String error, List<ElementNote> elements, List<String> context) {
    }

    public record ElementNote(String position, String dataElement, String error, String badValue) {
    }

    public static boolean isAcknowledgment(EdiTransaction transaction) {
        return "997".equals(transaction.type()) || "999".equals(transaction.type()) || "CONTRL".equals(transaction.type());
    }

    /** Reads a valid 997, 999 or CONTRL; a missing AK1 or AK9 (UCI) is an IllegalArgumentException naming it. */
    public static ReceivedAcknowledgment of(EdiTransaction transaction) {
        if ("CONTRL".equals(transaction.type())) {
            return ReceivedContrl.of(transaction);
        }
        if (!isAcknowledgment(transaction)) {
            throw new IllegalArgumentException("transaction " + transaction.controlNumber() + " is a " + transaction.type()
                    + ", not a 997 or 999");
        }
        EdiSegment ak1 = null;
        EdiSegment ak9 = null;
        List<SetAcknowledgment> sets = new ArrayList<>();
        SetBuilder set = null;
        for (EdiSegment segment : transaction.segments()) {
            switch (segment.tag()) {
                case "AK1" -> ak1 = segment;
                case "AK2" -> {
                    if (set != null) {
                        sets.add(set.build());
                    }
                    set = new SetBuilder(segment.element(1), segment.element(2));
                }
                case "AK3", "IK3" -> required(set, segment).segments.add(new SegmentBuilder(segment));
                case "AK4", "IK4" -> required(set, segment).lastSegment(segment).elements.add(new ElementNote(composite(segment.elements().get(0)),
                        segment.element(2), AcknowledgmentCodes.elementError(segment.element(3)), segment.element(4)));
                case "CTX" -> {
                    if (set != null && !set.segments.isEmpty()) {
                        set.segments.get(set.segments.size() - 1).context.add(composite(segment.elements().get(0)));
                    }
                }
                case "AK5", "IK5" -> {
                    required(set, segment).status = Status.of(segment.element(1));
                    for (int i = 2; i <= 6; i++) {
                        if (!segment.element(i).isEmpty()) {
                            set.errors.add(AcknowledgmentCodes.setError(segment.element(i)));
                        }
                    }
                }
                case "AK9" -> ak9 = segment;
                default -> {
                    // ST, SE and anything else carry nothing about the acknowledged group.
                }
            }
        }
        if (set != null) {
            sets.add(set.build());
        }
        if (ak1 == null || ak9 == null) {
            throw new IllegalArgumentException(transaction.type() + " " + transaction.controlNumber() + " has no "
                    + (ak1 == null ? "AK1" : "AK9") + ": it does not say which group it acknowledges or how");
        }
        List<String> groupErrors = new ArrayList<>();
        for (int i = 5; i <= 9; i++) {
            if (!ak9.element(i).isEmpty()) {
                groupErrors.add(AcknowledgmentCodes.groupError(ak9.element(i)));
            }
        }
        return new ReceivedAcknowledgment(transaction.type(), ak1.element(1), ak1.element(2), Status.of(ak9.element(1)),
                number(ak9.element(2)), number(ak9.element(3)), number(ak9.element(4)), List.copyOf(groupErrors), List.copyOf(sets));
    }

    /** What the partner said, in a line a person can act on. */
    public String summary() {
        boolean contrl = "CONTRL".equals(type);
        StringBuilder text = new StringBuilder(type + (contrl ? " for interchange " : " for group ") + groupControlNumber
                + (functionalId.isEmpty() ? "" : " (" + functionalId + ")") + ": "
                + groupStatus.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        if (!contrl || setsIncluded > 0) {
            text.append(", ").append(setsAccepted).append(" of ").append(setsIncluded).append(contrl ? " message(s)" : " transaction set(s)")
                    .append(" accepted");
        }
        groupErrors.forEach(error -> text.append("; ").append(error));
        for (SetAcknowledgment set : sets) {
            if (set.status() != null && set.status().accepted() && set.segments().isEmpty()) {
                continue;
            }
            text.append("; ").append(set.type()).append(' ').append(set.controlNumber()).append(' ')
                    .append(set.status() == null ? "without status" : set.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
            set.errors().forEach(error -> text.append(", ").append(error));
            for (SegmentNote note : set.segments()) {
                text.append(", ").append(note.segment()).append(" at ").append(note.position()).append(": ").append(note.error());
                for (ElementNote element : note.elements()) {
                    text.append(", element ").append(element.position())
                            .append(element.dataElement().isEmpty() ? " " : " (" + element.dataElement() + ") ")
                            .append(element.error()).append(element.badValue().isEmpty() ? "" : " '" + element.badValue() + "'");
                }
            }
        }
        return text.toString();
    }

    private static SetBuilder required(SetBuilder set, EdiSegment segment) {
        if (set == null) {
            throw new IllegalArgumentException(segment.tag() + " at segment " + segment.position() + " comes before any AK2");
        }
        return set;
    }

    private static String composite(Object element) {
        return element instanceof List<?> components ? String.join(":", components.stream().map(String::valueOf).toList())
                : String.valueOf(element);
    }

    private static int number(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("AK9 count '" + value + "' is not a number", e);
        }
    }

    private static final class SetBuilder {
        private final String type;
        private final String controlNumber;
        private Status status;
        private final List<String> errors = new ArrayList<>();
        private final List<SegmentBuilder> segments = new ArrayList<>();

        SetBuilder(String type, String controlNumber) {
            this.type = type;
            this.controlNumber = controlNumber;
        }

        SegmentBuilder lastSegment(EdiSegment element) {
            if (segments.isEmpty()) {
                throw new IllegalArgumentException(element.tag() + " at segment " + element.position() + " names no segment (no AK3/IK3 before it)");
            }
            return segments.get(segments.size() - 1);
        }

        SetAcknowledgment build() {
            return new SetAcknowledgment(type, controlNumber, status, List.copyOf(errors), segments.stream().map(SegmentBuilder::build).toList());
        }
    }

    private static final class SegmentBuilder {
        private final EdiSegment segment;
        private final List<ElementNote> elements = new ArrayList<>();
        private final List<String> context = new ArrayList<>();

        SegmentBuilder(EdiSegment segment) {
            this.segment = segment;
        }

        SegmentNote build() {
            return new SegmentNote(segment.element(1), segment.element(2), segment.element(3),
                    AcknowledgmentCodes.segmentError(segment.element(4)), List.copyOf(elements), List.copyOf(context));
        }
    }
}
