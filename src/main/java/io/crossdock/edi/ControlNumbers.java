package io.crossdock.edi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;

import io.crossdock.store.Store;

/**
 * Hands out outbound control numbers per partner from the store: each is the previous plus one,
 * never reused, whichever pod asks. The partner's row is locked while a number is taken, so
 * concurrent senders queue rather than collide.
 */
@ApplicationScoped
public class ControlNumbers {

    /** What a number controls; each kind counts on its own. */
    public enum Kind { INTERCHANGE, GROUP, TRANSACTION }

    /** ISA13 and GS06 hold nine digits. */
    public static final long X12_MAX = 999_999_999L;
    /** UNB 0020 is an..14; our references stay numeric. */
    public static final long EDIFACT_REFERENCE_MAX = 99_999_999_999_999L;


    private final Store store;

    public ControlNumbers(Store store) {
        this.store = store;
    }

    /** The next number, at most {@code max} (999999999 for an ISA13); past it nothing is handed out. */
    public long next(String partner, Kind kind, long max) {
        try (Connection db = store.dataSource().getConnection()) {
            db.setAutoCommit(false);
            try {
                long next = take(db, partner, kind);
                if (next > max) {
                    throw new IllegalStateException(kind + " control numbers for " + partner + " are exhausted at "
                            + max + ": agree a reset with the partner before sending more");
                }
                db.commit();
                return next;
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not take a " + kind + " control number for " + partner, e);
        }
    }

    private static long take(Connection db, String partner, Kind kind) throws SQLException {
        try (PreparedStatement lock = db.prepareStatement(
                "select last_value from edi_control_number where partner = ? and kind = ? for update")) {
            lock.setString(1, partner);
            lock.setString(2, kind.name());
            try (ResultSet row = lock.executeQuery()) {
                if (row.next()) {
                    long next = row.getLong(1) + 1;
                    try (PreparedStatement update = db.prepareStatement(
                            "update edi_control_number set last_value = ? where partner = ? and kind = ?")) {
                        update.setLong(1, next);
                        update.setString(2, partner);
                        update.setString(3, kind.name());
                        update.executeUpdate();
                    }
                    return next;
                }
            }
        }
        try (PreparedStatement first = db.prepareStatement(
                "insert into edi_control_number (partner, kind, last_value) values (?, ?, 1)")) {
            first.setString(1, partner);
            first.setString(2, kind.name());
            first.executeUpdate();
            return 1;
        } catch (SQLException e) {
            if (!Store.isUniqueViolation(e)) {
                throw e;
            }
            // Another sender created the row first: start again and queue behind it.
            db.rollback();
            return take(db, partner, kind);
        }
    }
}
