package io.crossdock.ops;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

import jakarta.enterprise.context.ApplicationScoped;

import io.crossdock.store.Store;

/** Writes timeline entries, inside the caller's transaction when it has one, so the record and the fact agree. */
@ApplicationScoped
public class Tracking {

    private final Store store;

    public Tracking(Store store) {
        this.store = store;
    }

    public void record(TrackingEntry entry) throws SQLException {
        try (Connection db = store.dataSource().getConnection()) {
            record(db, entry);
        }
    }

    public void record(Connection db, TrackingEntry entry) throws SQLException {
        recordAll(db, java.util.List.of(entry));
    }

    /** Several entries in one round trip. */
    public void recordAll(Connection db, java.util.Collection<TrackingEntry> entries) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("""
                insert into tracking_entry (business_key, alias_key, correlation_id, occurred_at, stage, system,
                    description, event_id, event_type, archive_id, topic, kafka_partition, kafka_offset, partner)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (TrackingEntry entry : entries) {
                bind(insert, entry);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void bind(PreparedStatement insert, TrackingEntry entry) throws SQLException {
        insert.setString(1, entry.businessKey());
        insert.setString(2, entry.aliasKey());
        insert.setString(3, entry.correlationId());
        insert.setObject(4, entry.at());
        insert.setString(5, entry.stage());
        insert.setString(6, entry.system());
        insert.setString(7, truncate(entry.description()));
        insert.setString(8, entry.eventId());
        insert.setString(9, entry.eventType());
        insert.setString(10, entry.archive() == null ? null : entry.archive().id());
        insert.setString(11, entry.kafka() == null ? null : entry.kafka().topic());
        if (entry.kafka() == null) {
            insert.setNull(12, Types.INTEGER);
            insert.setNull(13, Types.BIGINT);
        } else {
            insert.setInt(12, entry.kafka().partition());
            insert.setLong(13, entry.kafka().offset());
        }
        insert.setString(14, entry.partner());
    }

    private static String truncate(String description) {
        return description.length() <= 1024 ? description : description.substring(0, 1021) + "...";
    }
}
