package io.crossdock.edi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.crossdock.edi.EdiReader.ReadSummary;
import io.crossdock.edi.FunctionalAcknowledgment.ReceivedGroup;

/** Sorts what a file held into its functional groups, each with its own GS/GE errors, ready to acknowledge. */
public final class ReceivedGroups {

    private ReceivedGroups() {
    }

    public static List<ReceivedGroup> of(Envelope interchange, List<EdiTransaction> transactions, ReadSummary summary) {
        Map<FunctionalGroup, List<EdiTransaction>> groups = new LinkedHashMap<>();
        for (EdiTransaction transaction : transactions) {
            if (transaction.interchange() == interchange && transaction.group() != null) {
                groups.computeIfAbsent(transaction.group(), g -> new ArrayList<>()).add(transaction);
            }
        }
        List<ReceivedGroup> received = new ArrayList<>();
        groups.forEach((group, own) -> received.add(new ReceivedGroup(interchange, group, own, errorsOf(group, summary))));
        return received;
    }

    private static List<EdiError> errorsOf(FunctionalGroup group, ReadSummary summary) {
        int next = summary.groups().stream().mapToInt(FunctionalGroup::position)
                .filter(p -> p > group.position()).min().orElse(Integer.MAX_VALUE);
        return summary.envelopeErrors().stream()
                .filter(e -> e.segmentPosition() >= group.position() && e.segmentPosition() < next)
                .filter(e -> "GS".equals(e.segmentTag()) || "GE".equals(e.segmentTag())).toList();
    }
}
