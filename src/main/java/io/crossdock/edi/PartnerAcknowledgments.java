package io.crossdock.edi;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import io.crossdock.ops.BusinessExceptions;
import io.crossdock.ops.Tracking;
import io.crossdock.ops.TrackingEntry;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A partner's 997/999 matched to what we sent it: each set's status is kept and put on the
 * document's own timeline (so an order shows that its 855 was accepted), a rejection is a business
 * exception with the partner's reasons, and an acknowledgment of something we never sent is one too.
 * {@link #overdue()} raises documents whose acknowledgment is late, once.
 */
@ApplicationScoped
@Named("ediAcknowledgments")
public class PartnerAcknowledgments {

    private static final int BATCH = 500;

    private final SentDocuments sent;
    private final Tracking tracking;
    private final BusinessExceptions businessExceptions;
    private final boolean enabled;

    public PartnerAcknowledgments(SentDocuments sent, Tracking tracking, BusinessExceptions businessExceptions,
            @ConfigProperty(name = "crossdock.edi.acknowledgments.overdue.enabled") boolean enabled) {
        this.sent = sent;
        this.tracking = tracking;
        this.businessExceptions = businessExceptions;
        this.enabled = enabled;
    }

    /** Records what a valid 997/999 from the partner says; a malformed one is an IllegalArgumentException naming the fault. */
    public void received(Connection tx, String partner, EdiTransaction transaction, String correlationId) throws SQLException {
        ReceivedAcknowledgment ack = ReceivedAcknowledgment.of(transaction);
        List<SentDocuments.Sent> group = sent.group(tx, partner, ack.groupControlNumber());
        if (group.isEmpty()) {
            businessExceptions.raise(tx, partner + "/group/" + ack.groupControlNumber(), partner, "edi", ack.type() + " from " + partner
                    + " acknowledges group " + ack.groupControlNumber() + ", which we never sent it: " + ack.summary(), correlationId);
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<String> unmatched = new ArrayList<>();
        for (ReceivedAcknowledgment.SetAcknowledgment set : ack.sets()) {
            if (group.stream().noneMatch(ours -> ours.setControl().equals(SentDocuments.normalized(set.controlNumber())))) {
                unmatched.add(set.type() + " " + set.controlNumber());
            }
        }
        for (SentDocuments.Sent ours : group) {
            Optional<ReceivedAcknowledgment.SetAcknowledgment> said = ack.sets().stream()
                    .filter(set -> SentDocuments.normalized(set.controlNumber()).equals(ours.setControl())).findFirst();
            // A 997 may leave out AK2 (a CONTRL its UCM) for sets it accepts when the whole group (interchange) is accepted or
            // only received; otherwise silence is no acceptance.
            ReceivedAcknowledgment.Status status = said.map(ReceivedAcknowledgment.SetAcknowledgment::status)
                    .orElse(ack.groupStatus() == ReceivedAcknowledgment.Status.ACCEPTED
                            || ack.groupStatus() == ReceivedAcknowledgment.Status.RECEIVED ? ack.groupStatus()
                                    : ReceivedAcknowledgment.Status.REJECTED);
            String what = ours.transactionSet() + " " + ours.fileName() + " (group " + ours.groupControl() + ", set " + ours.setControl() + ")";
            if (!sent.acknowledged(tx, ours, status.name(), ack.summary(), now)) {
                tracking.record(tx, TrackingEntry.of("ACK_RECEIVED", "edi", ack.type() + " from " + partner + " for " + what
                        + " again; the first acknowledgment stands", key(ours), partner, ours.correlationId()));
                continue;
            }
            tracking.record(tx, TrackingEntry.of("ACK_RECEIVED", "edi", ack.type() + " from " + partner + ": " + what + " "
                    + status.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), key(ours), partner, ours.correlationId()));
            if (status == ReceivedAcknowledgment.Status.REJECTED) {
                businessExceptions.raise(tx, key(ours), partner, "edi", partner + " rejected " + what + ": " + ack.summary(),
                        ours.correlationId());
            }
        }
        if (!unmatched.isEmpty()) {
            businessExceptions.raise(tx, partner + "/group/" + ack.groupControlNumber(), partner, "edi", ack.type() + " from " + partner
                    + " names set(s) " + unmatched + " in group " + ack.groupControlNumber() + " that we did not send in it", correlationId);
        }
    }

    /** Raises every document whose acknowledgment is overdue and not raised before; returns how many. Called on a timer. */
    public int overdue() throws SQLException {
        if (!enabled) {
            return 0;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int raised = 0;
        int batch;
        do {
            batch = sent.raiseOverdue(now, BATCH, (tx, late) -> businessExceptions.raise(tx, key(late), late.partner(), "edi",
                    "No " + expected(late) + " from " + late.partner() + " for " + late.transactionSet() + " " + late.fileName() + " (group "
                            + late.groupControl() + ", set " + late.setControl() + "), sent " + late.sentAt() + " and due by " + late.dueAt(),
                    late.correlationId()));
            raised += batch;
        } while (batch == BATCH);
        return raised;
    }

    /** What answers the document: a CONTRL an EDIFACT message (ORDRSP), a 997 or 999 an X12 set (855). */
    private static String expected(SentDocuments.Sent sent) {
        return sent.transactionSet().matches("[A-Z]{6}") ? "CONTRL" : "997/999";
    }

    private static String key(SentDocuments.Sent sent) {
        return sent.businessKey() != null ? sent.businessKey() : sent.fileName();
    }
}
