package io.crossdock.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.crossdock.store.Store;

/** Applies each event at most once per consumer, across restarts and pods. */
@ApplicationScoped
public class EventInbox {

    private static final String INSERT = """
            insert into consumed_event (consumer, event_id, event_type, business_key, correlation_id,
                topic, kafka_partition, kafka_offset, applied_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

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

    /**
     * Applies a poll's worth of events in one transaction: one commit instead of one per event.
     * Any failure rolls the whole batch back and is thrown, for the caller to go event by event.
     *
     * @return the ids applied now; the others had been applied before
     */
    public Set<String> applyBatch(EventHandler handler, List<ConsumedEvent> events) throws Exception {
        try (Connection tx = store.dataSource().getConnection()) {
            tx.setAutoCommit(false);
            try {
                Set<String> applied = alreadyApplied(tx, handler.consumer(), events);
                Map<String, ConsumedEvent> fresh = new LinkedHashMap<>();
                events.stream().filter(e -> !applied.contains(e.id())).forEach(e -> fresh.putIfAbsent(e.id(), e));
                try (PreparedStatement insert = tx.prepareStatement(INSERT)) {
                    for (ConsumedEvent event : fresh.values()) {
                        bind(insert, handler.consumer(), event);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                handler.applyAll(fresh.values(), tx);
                tx.commit();
                return fresh.keySet();
            } catch (Exception e) {
                tx.rollback();
                throw e;
            }
        }
    }

    private static Set<String> alreadyApplied(Connection tx, String consumer, List<ConsumedEvent> events)
            throws SQLException {
        Set<String> applied = new HashSet<>();
        if (events.isEmpty()) {
            return applied;
        }
        try (PreparedStatement query = tx.prepareStatement("select event_id from consumed_event where consumer = ?"
                + " and event_id in (" + String.join(", ", Collections.nCopies(events.size(), "?")) + ")")) {
            query.setString(1, consumer);
            for (int i = 0; i < events.size(); i++) {
                query.setString(i + 2, events.get(i).id());
            }
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    applied.add(row.getString(1));
                }
            }
        }
        return applied;
    }

    private static boolean claim(Connection tx, String consumer, ConsumedEvent event) throws SQLException {
        try (PreparedStatement insert = tx.prepareStatement(INSERT)) {
            bind(insert, consumer, event);
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (Store.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    private static void bind(PreparedStatement insert, String consumer, ConsumedEvent event) throws SQLException {
        insert.setString(1, consumer);
        insert.setString(2, event.id());
        insert.setString(3, event.event().getType());
        insert.setString(4, event.businessKey());
        insert.setString(5, event.correlationId());
        insert.setString(6, event.topic());
        insert.setInt(7, event.partition());
        insert.setLong(8, event.offset());
        insert.setObject(9, OffsetDateTime.now(ZoneOffset.UTC));
    }
}
