package io.crossdock.ops;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.crossdock.store.Store;

/**
 * Assembles the timeline of a transaction from any key a person has at hand: a business key
 * (demo/PO-1), its partner-free form (PO-1), a file name or a correlation id. Entries sharing a
 * correlation id with a match belong to the same transaction and are shown with it, with what each
 * consumer did with its events and what was dead-lettered or replayed.
 */
@ApplicationScoped
public class TrackingQuery {

    private static final int LIMIT = 1000;

    private final Store store;

    public TrackingQuery(Store store) {
        this.store = store;
    }

    public Timeline timeline(String key) throws SQLException {
        try (Connection db = store.dataSource().getConnection()) {
            Set<String> correlationIds = new LinkedHashSet<>();
            Set<String> businessKeys = new LinkedHashSet<>();
            try (PreparedStatement query = db.prepareStatement("""
                    select distinct correlation_id, business_key from tracking_entry
                    where business_key = ? or alias_key = ? or correlation_id = ?""")) {
                query.setString(1, key);
                query.setString(2, key);
                query.setString(3, key);
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        if (row.getString(1) != null) {
                            correlationIds.add(row.getString(1));
                        }
                        businessKeys.add(row.getString(2));
                    }
                }
            }
            List<TrackingEntry> entries = new ArrayList<>(entries(db, key, correlationIds));
            Set<String> eventIds = new LinkedHashSet<>();
            entries.stream().filter(e -> e.eventId() != null).forEach(e -> eventIds.add(e.eventId()));
            entries.addAll(applied(db, eventIds));
            entries.addAll(deadLetters(db, eventIds));
            entries.sort(Comparator.comparing(TrackingEntry::at));
            return new Timeline(key, List.copyOf(businessKeys), List.copyOf(correlationIds), entries);
        }
    }

    private static List<TrackingEntry> entries(Connection db, String key, Collection<String> correlationIds)
            throws SQLException {
        String sql = "select * from tracking_entry where business_key = ? or alias_key = ? or correlation_id = ?"
                + (correlationIds.isEmpty() ? "" : " or correlation_id in (" + marks(correlationIds.size()) + ")")
                + " order by occurred_at, entry_id";
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setMaxRows(LIMIT);
            int i = 0;
            query.setString(++i, key);
            query.setString(++i, key);
            query.setString(++i, key);
            for (String id : correlationIds) {
                query.setString(++i, id);
            }
            List<TrackingEntry> entries = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    TrackingEntry entry = new TrackingEntry(row.getObject("occurred_at", OffsetDateTime.class),
                            row.getString("stage"), row.getString("system"), row.getString("description"),
                            row.getString("business_key"), row.getString("partner"), row.getString("correlation_id"),
                            row.getString("event_id"), row.getString("event_type"), null, null)
                            .withArchive(row.getString("archive_id"));
                    if (row.getString("topic") != null) {
                        entry = entry.withKafka(row.getString("topic"), row.getInt("kafka_partition"),
                                row.getLong("kafka_offset"));
                    }
                    entries.add(entry);
                }
            }
            return entries;
        }
    }

    private static List<TrackingEntry> applied(Connection db, Collection<String> eventIds) throws SQLException {
        return byEventIds(db, "select * from consumed_event where event_id in (%s) and consumer <> 'tracking-indexer'",
                eventIds, (row, entries) -> entries.add(new TrackingEntry(row.getObject("applied_at", OffsetDateTime.class),
                        "EVENT_APPLIED", row.getString("consumer"), "Applied by " + row.getString("consumer"),
                        row.getString("business_key"), null, row.getString("correlation_id"), row.getString("event_id"),
                        row.getString("event_type"), null, null)));
    }

    private static List<TrackingEntry> deadLetters(Connection db, Collection<String> eventIds) throws SQLException {
        return byEventIds(db, "select * from dead_letter where event_id in (%s)", eventIds, (row, entries) -> {
            String consumer = row.getString("consumer");
            TrackingEntry dead = new TrackingEntry(row.getObject("dead_lettered_at", OffsetDateTime.class),
                    "DEAD_LETTERED", consumer, consumer + " gave up after " + row.getInt("attempts")
                    + " attempt(s): " + row.getString("cause") + " (dead letter " + row.getString("dead_letter_id")
                    + ")", row.getString("business_key"), null, row.getString("correlation_id"),
                    row.getString("event_id"), row.getString("event_type"), null, null);
            entries.add(dead);
            if (row.getObject("replayed_at") != null) {
                entries.add(new TrackingEntry(row.getObject("replayed_at", OffsetDateTime.class), "REPLAYED", "kafka",
                        "Replayed by " + row.getString("replayed_by"), dead.businessKey(), null, dead.correlationId(),
                        dead.eventId(), dead.eventType(), null, null));
            }
        });
    }

    private static List<TrackingEntry> byEventIds(Connection db, String sql, Collection<String> eventIds,
            RowReader reader) throws SQLException {
        List<TrackingEntry> entries = new ArrayList<>();
        if (eventIds.isEmpty()) {
            return entries;
        }
        try (PreparedStatement query = db.prepareStatement(sql.formatted(marks(eventIds.size())))) {
            int i = 0;
            for (String id : eventIds) {
                query.setString(++i, id);
            }
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    reader.read(row, entries);
                }
            }
        }
        return entries;
    }

    private interface RowReader {
        void read(ResultSet row, List<TrackingEntry> entries) throws SQLException;
    }

    private static String marks(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    /** A transaction's whole story, in time order. */
    public record Timeline(String key, List<String> businessKeys, List<String> correlationIds,
            List<TrackingEntry> timeline) {
    }
}
