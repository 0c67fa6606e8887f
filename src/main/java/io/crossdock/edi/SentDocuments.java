package io.crossdock.edi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.crossdock.store.ClaimOnce;
import io.crossdock.store.Store;

/**
 * The transaction sets we sent, as a partner's 997/999 will name them (our group and set control
 * numbers), so an acknowledgment is matched to what it acknowledges and a missing one is noticed.
 */
@ApplicationScoped
public class SentDocuments {

    /** One set we sent. */
    public record Sent(String partner, String groupControl, String setControl, String interchangeControl, String functionalId,
            String transactionSet, String fileName, String businessKey, String correlationId, OffsetDateTime sentAt,
            OffsetDateTime dueAt, String ackStatus) {
    }

    private final Store store;

    public SentDocuments(Store store) {
        this.store = store;
    }

    /** Records a set when it is made; the same set recorded again (a retried send) is left as it was. */
    public void sent(Connection tx, Sent sent) throws SQLException {
        try (PreparedStatement known = tx.prepareStatement("SELECT 1 FROM edi_sent WHERE partner = ? AND group_control = ?"
                + " AND set_control = ?")) {
            known.setString(1, sent.partner());
            known.setString(2, normalized(sent.groupControl()));
            known.setString(3, normalized(sent.setControl()));
            try (ResultSet row = known.executeQuery()) {
                if (row.next()) {
                    return;
                }
            }
        }
        try (PreparedStatement insert = tx.prepareStatement("INSERT INTO edi_sent (partner, group_control, set_control,"
                + " interchange_control, functional_id, transaction_set, file_name, business_key, correlation_id, sent_at, due_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, sent.partner());
            insert.setString(2, normalized(sent.groupControl()));
            insert.setString(3, normalized(sent.setControl()));
            insert.setString(4, sent.interchangeControl());
            insert.setString(5, sent.functionalId());
            insert.setString(6, sent.transactionSet());
            insert.setString(7, sent.fileName());
            insert.setString(8, sent.businessKey());
            insert.setString(9, sent.correlationId());
            insert.setObject(10, sent.sentAt());
            insert.setObject(11, sent.dueAt());
            insert.executeUpdate();
        }
    }

    /** The sets of one group we sent the partner, in set order. */
    public List<Sent> group(Connection tx, String partner, String groupControl) throws SQLException {
        try (PreparedStatement select = tx.prepareStatement("SELECT * FROM edi_sent WHERE partner = ? AND group_control = ?"
                + " ORDER BY set_control")) {
            select.setString(1, partner);
            select.setString(2, normalized(groupControl));
            return rows(select);
        }
    }

    /** Keeps what the acknowledgment said about one set; the first acknowledgment stands, a later one is only reported. */
    public boolean acknowledged(Connection tx, Sent sent, String status, String detail, OffsetDateTime at) throws SQLException {
        try (PreparedStatement update = tx.prepareStatement("UPDATE edi_sent SET ack_status = ?, ack_detail = ?, acknowledged_at = ?"
                + " WHERE partner = ? AND group_control = ? AND set_control = ? AND ack_status IS NULL")) {
            update.setString(1, status);
            update.setString(2, detail.length() <= 1024 ? detail : detail.substring(0, 1021) + "...");
            update.setObject(3, at);
            update.setString(4, sent.partner());
            update.setString(5, sent.groupControl());
            update.setString(6, sent.setControl());
            return update.executeUpdate() == 1;
        }
    }

    public Optional<Sent> find(String partner, String groupControl, String setControl) throws SQLException {
        try (Connection db = store.dataSource().getConnection();
                PreparedStatement select = db.prepareStatement("SELECT * FROM edi_sent WHERE partner = ? AND group_control = ?"
                        + " AND set_control = ?")) {
            select.setString(1, partner);
            select.setString(2, normalized(groupControl));
            select.setString(3, normalized(setControl));
            return rows(select).stream().findFirst();
        }
    }

    /** Raises each set owed an acknowledgment past its due time, once: the claim and the raise share one transaction. */
    public int raiseOverdue(OffsetDateTime now, int limit, Breach breach) throws SQLException {
        List<Sent> candidates;
        try (Connection db = store.dataSource().getConnection()) {
            try (PreparedStatement select = db.prepareStatement("SELECT * FROM edi_sent WHERE due_at < ? AND ack_status IS NULL"
                    + " AND overdue_raised_at IS NULL ORDER BY due_at LIMIT ?")) {
                select.setObject(1, now);
                select.setInt(2, limit);
                candidates = rows(select);
            }
            return ClaimOnce.each(db, "UPDATE edi_sent SET overdue_raised_at = ? WHERE partner = ? AND group_control = ?"
                    + " AND set_control = ? AND overdue_raised_at IS NULL AND ack_status IS NULL", candidates, (claim, sent) -> {
                        claim.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
                        claim.setString(2, sent.partner());
                        claim.setString(3, sent.groupControl());
                        claim.setString(4, sent.setControl());
                    }, breach::raise);
        }
    }

    /** What is done about one overdue set, in the transaction that claims it. */
    @FunctionalInterface
    public interface Breach {
        void raise(Connection tx, Sent sent) throws SQLException;
    }

    /** Control numbers are compared as numbers: a partner may echo 000000042 as 42. */
    static String normalized(String controlNumber) {
        String trimmed = controlNumber.trim().replaceFirst("^0+(?=.)", "");
        return trimmed;
    }

    private static List<Sent> rows(PreparedStatement select) throws SQLException {
        List<Sent> found = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                found.add(new Sent(row.getString("partner"), row.getString("group_control"), row.getString("set_control"),
                        row.getString("interchange_control"), row.getString("functional_id"), row.getString("transaction_set"),
                        row.getString("file_name"), row.getString("business_key"), row.getString("correlation_id"),
                        row.getObject("sent_at", OffsetDateTime.class), row.getObject("due_at", OffsetDateTime.class),
                        row.getString("ack_status")));
            }
        }
        return found;
    }
}
