package io.crossdock.edi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.crossdock.edi.ReceivedAcknowledgment.ElementNote;
import io.crossdock.edi.ReceivedAcknowledgment.SegmentNote;
import io.crossdock.edi.ReceivedAcknowledgment.SetAcknowledgment;
import io.crossdock.edi.ReceivedAcknowledgment.Status;

/**
 * A partner's CONTRL read for what it says about an interchange we sent: UCI names our interchange
 * reference and what was done with it (7 acknowledged, 4 rejected, 8 received), UCM each message (by
 * its reference and type) with its own action and fault, UCS/UCD the segments and data elements in
 * error by position, the syntax error codes in words.
 */
final class ReceivedContrl {

    private ReceivedContrl() {
    }

    static ReceivedAcknowledgment of(EdiTransaction contrl) {
        EdiSegment uci = null;
        List<MessageBuilder> messages = new ArrayList<>();
        for (EdiSegment segment : contrl.segments()) {
            switch (segment.tag()) {
                case "UCI" -> uci = segment;
                case "UCM" -> messages.add(new MessageBuilder(segment));
                case "UCS" -> current(messages, segment).segments.add(new SegmentBuilder(segment));
                case "UCD" -> {
                    MessageBuilder message = current(messages, segment);
                    if (message.segments.isEmpty()) {
                        throw new IllegalArgumentException("UCD at segment " + segment.position() + " names no segment (no UCS before it)");
                    }
                    message.segments.get(message.segments.size() - 1).elements.add(new ElementNote(segment.element(2, 1)
                            + (segment.element(2, 2).isEmpty() ? "" : ":" + segment.element(2, 2)), "",
                            AcknowledgmentCodes.syntaxError(segment.element(1)), ""));
                }
                default -> {
                    // UNH, UNT and UCF (a group of ours: we send none) say nothing we match on.
                }
            }
        }
        if (uci == null) {
            throw new IllegalArgumentException("CONTRL " + contrl.controlNumber() + " has no UCI: it does not say which interchange it"
                    + " acknowledges or how");
        }
        List<SetAcknowledgment> sets = messages.stream().map(MessageBuilder::build).toList();
        Status interchange = status(uci.element(4));
        if (interchange == Status.ACCEPTED && sets.stream().anyMatch(set -> set.status() == Status.REJECTED)) {
            interchange = sets.stream().anyMatch(set -> set.status().accepted()) ? Status.PARTIALLY_ACCEPTED : Status.REJECTED;
        }
        List<String> errors = uci.element(5).isEmpty() ? List.of()
                : List.of(AcknowledgmentCodes.syntaxError(uci.element(5)) + where(uci.element(6), uci.element(7, 1)));
        Set<String> types = new LinkedHashSet<>();
        sets.forEach(set -> types.add(set.type()));
        int accepted = (int) sets.stream().filter(set -> set.status().accepted()).count();
        return new ReceivedAcknowledgment("CONTRL", String.join(",", types), uci.element(1), interchange, sets.size(), sets.size(),
                accepted, errors, sets);
    }

    /** 0083: 7 acknowledged, 4 rejected, 8 received (read, not yet checked). */
    private static Status status(String action) {
        return switch (action) {
            case "7" -> Status.ACCEPTED;
            case "4" -> Status.REJECTED;
            case "8" -> Status.RECEIVED;
            default -> throw new IllegalArgumentException("'" + action + "' is no CONTRL action (7 acknowledged, 4 rejected, 8 received)");
        };
    }

    private static String where(String segmentTag, String element) {
        return (segmentTag.isEmpty() ? "" : " in " + segmentTag) + (element.isEmpty() ? "" : " element " + element);
    }

    private static MessageBuilder current(List<MessageBuilder> messages, EdiSegment segment) {
        if (messages.isEmpty()) {
            throw new IllegalArgumentException(segment.tag() + " at segment " + segment.position() + " comes before any UCM");
        }
        return messages.get(messages.size() - 1);
    }

    private static final class MessageBuilder {
        private final EdiSegment ucm;
        private final List<SegmentBuilder> segments = new ArrayList<>();

        MessageBuilder(EdiSegment ucm) {
            this.ucm = ucm;
        }

        SetAcknowledgment build() {
            List<String> errors = ucm.element(4).isEmpty() ? List.of()
                    : List.of(AcknowledgmentCodes.syntaxError(ucm.element(4)) + where(ucm.element(5), ucm.element(6, 1)));
            return new SetAcknowledgment(ucm.element(2, 1), ucm.element(1), status(ucm.element(3)), errors,
                    segments.stream().map(SegmentBuilder::build).toList());
        }
    }

    private static final class SegmentBuilder {
        private final EdiSegment ucs;
        private final List<ElementNote> elements = new ArrayList<>();

        SegmentBuilder(EdiSegment ucs) {
            this.ucs = ucs;
        }

        SegmentNote build() {
            return new SegmentNote("segment", ucs.element(1), "", ucs.element(2).isEmpty() ? "data element errors"
                    : AcknowledgmentCodes.syntaxError(ucs.element(2)), List.copyOf(elements), List.of());
        }
    }
}
