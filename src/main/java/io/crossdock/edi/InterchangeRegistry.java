package io.crossdock.edi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.crossdock.store.Store;

/**
 * Remembers every interchange received per sender/receiver pair and control number, so a resend
 * within the partner's window is recognised as a duplicate before anything reaches Odoo.
 */
@ApplicationScoped
public class InterchangeRegistry {


    private final Store store;

    public InterchangeRegistry(Store store) {
        this.store = store;
    }

    /** The earlier receipt this interchange repeats, if any was seen within {@code window}. */
    public record EarlierReceipt(String correlationId, OffsetDateTime receivedAt) {
    }

    /**
     * Records the interchange as received, unless the same sender, receiver and control number arrived
     * within the window: then that earlier receipt is returned and nothing is recorded.
     */
    public Optional<EarlierReceipt> register(Envelope envelope, String partner, String correlationId,
            Duration window) {
        String sender = envelope.senderQualifier() + ":" + envelope.senderId();
        String receiver = envelope.receiverQualifier() + ":" + envelope.receiverId();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection db = store.dataSource().getConnection()) {
            db.setAutoCommit(false);
            try {
                Optional<EarlierReceipt> earlier = find(db, sender, receiver, envelope.interchangeControlNumber());
                if (earlier.isPresent() && earlier.get().receivedAt().isAfter(now.minus(window))) {
                    db.rollback();
                    return earlier;
                }
                try (PreparedStatement write = db.prepareStatement(earlier.isPresent()
                        ? "update edi_received_interchange set partner = ?, correlation_id = ?, received_at = ?"
                                + " where sender = ? and receiver = ? and control_number = ?"
                        : "insert into edi_received_interchange (partner, correlation_id, received_at, sender,"
                                + " receiver, control_number) values (?, ?, ?, ?, ?, ?)")) {
                    write.setString(1, partner);
                    write.setString(2, correlationId);
                    write.setObject(3, now);
                    write.setString(4, sender);
                    write.setString(5, receiver);
                    write.setString(6, envelope.interchangeControlNumber());
                    write.executeUpdate();
                }
                db.commit();
                return Optional.empty();
            } catch (SQLException e) {
                db.rollback();
                if (Store.isUniqueViolation(e)) {
                    // The same interchange is being received by another pod right now.
                    return find(db, sender, receiver, envelope.interchangeControlNumber());
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not register interchange " + envelope.interchangeControlNumber(), e);
        }
    }

    private static Optional<EarlierReceipt> find(Connection db, String sender, String receiver, String number)
            throws SQLException {
        try (PreparedStatement query = db.prepareStatement("select correlation_id, received_at from"
                + " edi_received_interchange where sender = ? and receiver = ? and control_number = ?")) {
            query.setString(1, sender);
            query.setString(2, receiver);
            query.setString(3, number);
            try (ResultSet row = query.executeQuery()) {
                return row.next()
                        ? Optional.of(new EarlierReceipt(row.getString(1), row.getObject(2, OffsetDateTime.class)))
                        : Optional.empty();
            }
        }
    }
}
