package io.crossdock.orchestration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.crossdock.canonical.CanonicalJson;
import io.crossdock.canonical.ProductRef;
import io.crossdock.store.Store;

/**
 * Remembers which Odoo sale order each partner PO became and which order line each partner line
 * became, so shipments and invoices made in Odoo go back to the partner in its terms (its PO, its
 * line numbers, its item numbers) under the correlation id of the original file.
 */
@ApplicationScoped
public class OrderLinks {

    /** A PO as placed in Odoo. */
    public record Link(String partner, String poNumber, long odooOrderId, String odooOrderName, String correlationId,
            String currency) {
    }

    /** A partner's order line as Odoo knows it. */
    public record LineLink(String lineNumber, ProductRef product, String unit) {
    }

    private final Store store;

    public OrderLinks(Store store) {
        this.store = store;
    }

    /**
     * Records the link. A second call for the same PO and sale order (a resend, a replay) changes
     * nothing, so the first file's correlation id stays; a link that Odoo contradicts (the PO is now
     * another sale order, or the sale order id now belongs to another PO, as after Odoo was
     * restored from a backup) is replaced, because Odoo was asked first.
     */
    public void link(Link link, Map<Long, LineLink> lines) throws SQLException {
        try (Connection db = store.dataSource().getConnection()) {
            db.setAutoCommit(false);
            try (PreparedStatement same = db.prepareStatement("SELECT 1 FROM order_link WHERE partner = ? AND po_number = ?"
                    + " AND odoo_order_id = ?")) {
                same.setString(1, link.partner());
                same.setString(2, link.poNumber());
                same.setLong(3, link.odooOrderId());
                try (ResultSet row = same.executeQuery()) {
                    if (row.next()) {
                        db.rollback();
                        return;
                    }
                }
            }
            try (PreparedStatement stale = db.prepareStatement("DELETE FROM order_line_link WHERE odoo_order_id IN (SELECT"
                    + " odoo_order_id FROM order_link WHERE odoo_order_id = ? OR (partner = ? AND po_number = ?))")) {
                stale.setLong(1, link.odooOrderId());
                stale.setString(2, link.partner());
                stale.setString(3, link.poNumber());
                stale.executeUpdate();
            }
            try (PreparedStatement stale = db.prepareStatement("DELETE FROM order_link WHERE odoo_order_id = ?"
                    + " OR (partner = ? AND po_number = ?)")) {
                stale.setLong(1, link.odooOrderId());
                stale.setString(2, link.partner());
                stale.setString(3, link.poNumber());
                stale.executeUpdate();
            }
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO order_link (partner, po_number, odoo_order_id,"
                    + " odoo_order_name, correlation_id, currency, linked_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, link.partner());
                insert.setString(2, link.poNumber());
                insert.setLong(3, link.odooOrderId());
                insert.setString(4, link.odooOrderName());
                insert.setString(5, link.correlationId());
                insert.setString(6, link.currency());
                insert.setObject(7, OffsetDateTime.now(ZoneOffset.UTC));
                insert.executeUpdate();
            }
            // Odoo says these lines are this order's now; links naming them under another order are stale
            // (an Odoo database restored or replaced, its ids handed out again).
            try (PreparedStatement stale = db.prepareStatement("DELETE FROM order_line_link WHERE odoo_line_id = ?")) {
                for (Long line : lines.keySet()) {
                    stale.setLong(1, line);
                    stale.addBatch();
                }
                stale.executeBatch();
            }
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO order_line_link (odoo_line_id, odoo_order_id,"
                    + " line_number, product, unit) VALUES (?, ?, ?, ?, ?)")) {
                for (Map.Entry<Long, LineLink> line : lines.entrySet()) {
                    insert.setLong(1, line.getKey());
                    insert.setLong(2, link.odooOrderId());
                    insert.setString(3, line.getValue().lineNumber());
                    insert.setString(4, CanonicalJson.MAPPER.writeValueAsString(line.getValue().product()));
                    insert.setString(5, line.getValue().unit());
                    insert.addBatch();
                }
                insert.executeBatch();
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            db.commit();
        }
    }

    public Optional<Link> byOdooOrder(long odooOrderId) throws SQLException {
        return one("odoo_order_id = ?", odooOrderId);
    }

    public Optional<Link> byPurchaseOrder(String partner, String poNumber) throws SQLException {
        return one("partner = ? AND po_number = ?", partner, poNumber);
    }

    private Optional<Link> one(String where, Object... values) throws SQLException {
        try (Connection db = store.dataSource().getConnection();
                PreparedStatement select = db.prepareStatement("SELECT partner, po_number, odoo_order_id, odoo_order_name,"
                        + " correlation_id, currency FROM order_link WHERE " + where)) {
            for (int i = 0; i < values.length; i++) {
                select.setObject(i + 1, values[i]);
            }
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new Link(row.getString(1), row.getString(2), row.getLong(3), row.getString(4),
                        row.getString(5), row.getString(6))) : Optional.empty();
            }
        }
    }

    /** The partner's lines of an Odoo order, by Odoo order line id. */
    public Map<Long, LineLink> lines(long odooOrderId) throws SQLException {
        Map<Long, LineLink> lines = new HashMap<>();
        try (Connection db = store.dataSource().getConnection();
                PreparedStatement select = db.prepareStatement("SELECT odoo_line_id, line_number, product, unit FROM order_line_link"
                        + " WHERE odoo_order_id = ?")) {
            select.setLong(1, odooOrderId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    lines.put(row.getLong(1), new LineLink(row.getString(2),
                            CanonicalJson.MAPPER.readValue(row.getString(3), ProductRef.class), row.getString(4)));
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("an order line link holds no readable product: " + e.getMessage(), e);
        }
        return lines;
    }

    static List<Long> ids(Object value) {
        return value instanceof List<?> list ? list.stream().map(id -> ((Number) id).longValue()).toList() : List.of();
    }
}
