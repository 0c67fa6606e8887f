package io.crossdock.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import io.crossdock.store.Store;

/** Applies each event at most once per consumer, across restarts and pods. */
@ApplicationScoped
public class EventInbox {

    private static final String UNIQUE_VIOLATION = "23505";

    private final Store store;

    public EventInbox(Store store) {
        this.store = store;
    }

    /** @return false when this consumer had applied the event already (it is skipped) */
    public boolean applyOnce(EventHandler handler, ConsumedEvent event) throws Exception {
        try (Connection tx = store.dataSource().getConnection()) {
            tx.setAutoCommit(false);
            try {
                if (!claim(tx, handler.consumer(), event)) {
                    tx.rollback();
                    return false;
                }
                handler.apply(event, tx);
                tx.commit();
                return true;
            } catch (Exception e) {
                tx.rollback();
                throw e;
            }
        }
    }

    private static boolean claim(Connection tx, String consumer, ConsumedEvent event) throws SQLException {
        try (PreparedStatement insert = tx.prepareStatement("""
                insert into consumed_event (consumer, event_id, event_type, business_key, correlation_id,
                    topic, kafka_partition, kafka_offset, applied_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, consumer);
            insert.setString(2, event.id());
            insert.setString(3, event.event().getType());
            insert.setString(4, event.businessKey());
            insert.setString(5, event.correlationId());
            insert.setString(6, event.topic());
            insert.setInt(7, event.partition());
            insert.setLong(8, event.offset());
            insert.setObject(9, OffsetDateTime.now(ZoneOffset.UTC));
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }
}
