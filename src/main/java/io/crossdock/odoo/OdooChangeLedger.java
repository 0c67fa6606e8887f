package io.crossdock.odoo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.crossdock.store.Store;

/**
 * The durable side of change capture, shared by all pods: each consumer's cursor (leased to one
 * pod at a time, so only one pod polls a model) and the claim on each delivered change.
 */
@ApplicationScoped
public class OdooChangeLedger {

    /** A consumer's position: the newest write_date delivered and what was delivered at that second ("id:fingerprint"). */
    public record Cursor(String writeDate, Set<String> seen) {
    }

    private final Store store;

    public OdooChangeLedger(Store store) {
        this.store = store;
    }

    /** The cursor, leased to this pod; empty while another pod holds the lease. */
    public Optional<Cursor> lease(String consumer, String pod, Duration leaseFor, String startAt) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection db = store.dataSource().getConnection()) {
            // The cursor row exists after the first poll: taking the lease first spares every later poll a refused insert.
            if (!take(db, consumer, pod, now, leaseFor)) {
                start(db, consumer, startAt, now);
                if (!take(db, consumer, pod, now, leaseFor)) {
                    return Optional.empty();
                }
            }
            try (PreparedStatement read = db.prepareStatement("SELECT write_date, seen_ids FROM odoo_change_cursor WHERE consumer = ?")) {
                read.setString(1, consumer);
                try (ResultSet row = read.executeQuery()) {
                    row.next();
                    Set<String> seen = Arrays.stream(row.getString(2).split(",")).filter(item -> !item.isBlank())
                            .collect(Collectors.toCollection(LinkedHashSet::new));
                    return Optional.of(new Cursor(row.getString(1), seen));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The Odoo change cursor of " + consumer + " could not be read: " + e.getMessage(), e);
        }
    }

    private static boolean take(Connection db, String consumer, String pod, OffsetDateTime now, Duration leaseFor) throws SQLException {
        try (PreparedStatement take = db.prepareStatement("UPDATE odoo_change_cursor SET leased_by = ?, leased_until = ?"
                + " WHERE consumer = ? AND (leased_until IS NULL OR leased_until < ? OR leased_by = ?)")) {
            take.setString(1, pod);
            take.setObject(2, now.plus(leaseFor));
            take.setString(3, consumer);
            take.setObject(4, now);
            take.setString(5, pod);
            return take.executeUpdate() > 0;
        }
    }

    /** The consumer's cursor row, at the start position, unless it is there already. */
    private static void start(Connection db, String consumer, String startAt, OffsetDateTime now) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO odoo_change_cursor"
                + " (consumer, write_date, seen_ids, updated_at) VALUES (?, ?, '', ?)")) {
            insert.setString(1, consumer);
            insert.setString(2, startAt);
            insert.setObject(3, now);
            insert.executeUpdate();
        } catch (SQLException e) {
            if (!Store.isUniqueViolation(e)) {
                throw e;
            }
        }
    }

    /** Stores the new position and gives up the lease. */
    public void release(String consumer, String pod, Cursor cursor) {
        try (Connection db = store.dataSource().getConnection();
                PreparedStatement update = db.prepareStatement("UPDATE odoo_change_cursor SET write_date = ?, seen_ids = ?,"
                        + " leased_by = NULL, leased_until = NULL, updated_at = ? WHERE consumer = ? AND leased_by = ?")) {
            update.setString(1, cursor.writeDate());
            update.setString(2, String.join(",", cursor.seen()));
            update.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
            update.setString(4, consumer);
            update.setString(5, pod);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("The Odoo change cursor of " + consumer + " could not be saved: " + e.getMessage(), e);
        }
    }

    /** Claims one change for delivery; false when it was already delivered (or is being delivered) elsewhere. */
    public boolean claim(String consumer, String model, long id, String writeDate, String fingerprint, String source) {
        try (Connection db = store.dataSource().getConnection();
                PreparedStatement insert = db.prepareStatement("INSERT INTO odoo_change_delivered"
                        + " (consumer, model, record_id, write_date, fingerprint, source, delivered_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, consumer);
            insert.setString(2, model);
            insert.setLong(3, id);
            insert.setString(4, writeDate);
            insert.setString(5, fingerprint);
            insert.setString(6, source);
            insert.setObject(7, OffsetDateTime.now(ZoneOffset.UTC));
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (Store.isUniqueViolation(e)) {
                return false;
            }
            throw new IllegalStateException("A change of " + model + " " + id + " could not be claimed: " + e.getMessage(), e);
        }
    }

    /** Gives a claim back after the route failed, so the next poll (or webhook) delivers the change again. */
    public void unclaim(String consumer, String model, long id, String writeDate, String fingerprint) {
        try (Connection db = store.dataSource().getConnection();
                PreparedStatement delete = db.prepareStatement("DELETE FROM odoo_change_delivered"
                        + " WHERE consumer = ? AND model = ? AND record_id = ? AND write_date = ? AND fingerprint = ?")) {
            delete.setString(1, consumer);
            delete.setString(2, model);
            delete.setLong(3, id);
            delete.setString(4, writeDate);
            delete.setString(5, fingerprint);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("A claim on " + model + " " + id + " could not be released: " + e.getMessage(), e);
        }
    }
}
