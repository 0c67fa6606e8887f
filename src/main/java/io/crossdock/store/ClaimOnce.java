package io.crossdock.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Doing something once however many pods try: each candidate is claimed by an UPDATE that only
 * takes while the row is unclaimed, and acted on in the same transaction as its claim, so a
 * candidate is never acted on twice nor claimed and then lost.
 */
public final class ClaimOnce {

    @FunctionalInterface
    public interface Binder<T> {
        void bind(PreparedStatement claim, T candidate) throws SQLException;
    }

    @FunctionalInterface
    public interface Action<T> {
        void run(Connection tx, T candidate) throws SQLException;
    }

    private ClaimOnce() {
    }

    /** Returns how many candidates this call claimed and acted on. */
    public static <T> int each(Connection db, String claimSql, List<T> candidates, Binder<T> bind, Action<T> act) throws SQLException {
        int won = 0;
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false);
        try (PreparedStatement claim = db.prepareStatement(claimSql)) {
            for (T candidate : candidates) {
                bind.bind(claim, candidate);
                if (claim.executeUpdate() == 1) {
                    act.run(db, candidate);
                    won++;
                }
                db.commit();
            }
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(autoCommit);
        }
        return won;
    }
}
