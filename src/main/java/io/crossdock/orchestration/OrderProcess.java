package io.crossdock.orchestration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.crossdock.store.ClaimOnce;
import io.crossdock.store.Store;

/**
 * Each order's progress through order to cash: the first time each step was reached. Steps are
 * marked by whoever sees them happen (the order flow, the shipment and invoice flows, the EDI
 * outbound when a document goes out); marking twice keeps the first time, so replays and resends
 * do not rewrite history.
 */
@ApplicationScoped
public class OrderProcess {

    /** One order's steps so far. */
    public record State(String partner, String poNumber, String correlationId, String saleOrder, Map<ProcessStep, OffsetDateTime> reached) {

        public boolean has(ProcessStep step) {
            return reached.containsKey(step);
        }
    }

    /** An order past a deadline, with the time the deadline counted from. */
    public record Overdue(String partner, String poNumber, String correlationId, OffsetDateTime since) {
    }

    private final Store store;

    public OrderProcess(Store store) {
        this.store = store;
    }

    public void mark(String partner, String poNumber, ProcessStep step, OffsetDateTime at, String correlationId) throws SQLException {
        mark(partner, poNumber, at, correlationId, null, step);
    }

    /** Marks every step reached at {@code at} in one statement (an order created and confirmed in one go, say). */
    public void mark(String partner, String poNumber, OffsetDateTime at, String correlationId, String saleOrder, ProcessStep... steps)
            throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection db = store.dataSource().getConnection()) {
            if (update(db, partner, poNumber, steps, at, correlationId, saleOrder, now) > 0) {
                return;
            }
            StringBuilder columns = new StringBuilder();
            StringBuilder marks = new StringBuilder();
            for (ProcessStep step : steps) {
                columns.append(", ").append(step.column());
                marks.append(", ?");
            }
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO order_process (partner, po_number, correlation_id, sale_order"
                    + columns + ", updated_at) VALUES (?, ?, ?, ?" + marks + ", ?)")) {
                int i = 1;
                insert.setString(i++, partner);
                insert.setString(i++, poNumber);
                insert.setString(i++, correlationId);
                insert.setString(i++, saleOrder);
                for (int n = 0; n < steps.length; n++) {
                    insert.setObject(i++, at);
                }
                insert.setObject(i, now);
                insert.executeUpdate();
            } catch (SQLException e) {
                if (!Store.isUniqueViolation(e)) {
                    throw e;
                }
                update(db, partner, poNumber, steps, at, correlationId, saleOrder, now);
            }
        }
    }

    private static int update(Connection db, String partner, String poNumber, ProcessStep[] steps, OffsetDateTime at, String correlationId,
            String saleOrder, OffsetDateTime now) throws SQLException {
        StringBuilder set = new StringBuilder();
        for (ProcessStep step : steps) {
            set.append(step.column()).append(" = COALESCE(").append(step.column()).append(", ?), ");
        }
        try (PreparedStatement update = db.prepareStatement("UPDATE order_process SET " + set
                + "correlation_id = COALESCE(correlation_id, ?), sale_order = COALESCE(?, sale_order), updated_at = ?"
                + " WHERE partner = ? AND po_number = ?")) {
            int i = 1;
            for (int n = 0; n < steps.length; n++) {
                update.setObject(i++, at);
            }
            update.setString(i++, correlationId);
            update.setString(i++, saleOrder);
            update.setObject(i++, now);
            update.setString(i++, partner);
            update.setString(i, poNumber);
            return update.executeUpdate();
        }
    }

    public Optional<State> find(String partner, String poNumber) throws SQLException {
        try (Connection db = store.dataSource().getConnection();
                PreparedStatement select = db.prepareStatement("SELECT * FROM order_process WHERE partner = ? AND po_number = ?")) {
            select.setString(1, partner);
            select.setString(2, poNumber);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Map<ProcessStep, OffsetDateTime> reached = new EnumMap<>(ProcessStep.class);
                for (ProcessStep step : ProcessStep.values()) {
                    OffsetDateTime at = row.getObject(step.column(), OffsetDateTime.class);
                    if (at != null) {
                        reached.put(step, at);
                    }
                }
                return Optional.of(new State(partner, poNumber, row.getString("correlation_id"), row.getString("sale_order"), reached));
            }
        }
    }

    /** What is done about one overdue order, in the transaction that claims it. */
    @FunctionalInterface
    interface Breach {
        void raise(Connection tx, Overdue order) throws SQLException;
    }

    /**
     * Orders that reached {@code from} before {@code deadline} and not {@code awaited} yet, not raised
     * before. Each is claimed (the {@code raisedColumn} set only where still empty) and raised in one
     * transaction, so a breach is raised once however many pods watch, and never claimed but lost.
     * Returns how many this call raised.
     */
    int raiseOverdue(ProcessStep from, ProcessStep awaited, String raisedColumn, OffsetDateTime deadline, int limit, Breach breach)
            throws SQLException {
        List<Overdue> candidates = new ArrayList<>();
        try (Connection db = store.dataSource().getConnection()) {
            try (PreparedStatement select = db.prepareStatement("SELECT partner, po_number, correlation_id, " + from.column()
                    + " FROM order_process WHERE " + from.column() + " < ? AND " + awaited.column() + " IS NULL"
                    + " AND " + raisedColumn + " IS NULL ORDER BY " + from.column() + " LIMIT ?")) {
                select.setObject(1, deadline);
                select.setInt(2, limit);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        candidates.add(new Overdue(row.getString(1), row.getString(2), row.getString(3), row.getObject(4, OffsetDateTime.class)));
                    }
                }
            }
            return ClaimOnce.each(db, "UPDATE order_process SET " + raisedColumn + " = ? WHERE partner = ? AND po_number = ? AND "
                    + raisedColumn + " IS NULL AND " + awaited.column() + " IS NULL", candidates, (claim, overdue) -> {
                        claim.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
                        claim.setString(2, overdue.partner());
                        claim.setString(3, overdue.poNumber());
                    }, breach::raise);
        }
    }
}
