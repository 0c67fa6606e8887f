package io.crossdock.api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import io.crossdock.store.Store;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Records every write through the API, answered or refused, with the caller, the path and the
 * answer's status. Reads are not audited (the access log has them); request bodies are not kept
 * here because the archive and the events hold what was accepted, and keys never are.
 */
@ApplicationScoped
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    /** One audited write. */
    public record Entry(OffsetDateTime at, String client, String method, String path, int status, String idempotencyKey,
            String location) {
    }

    private final Store store;

    public AuditTrail(Store store) {
        this.store = store;
    }

    @ServerResponseFilter
    public void audit(ContainerRequestContext request, ContainerResponseContext response) {
        if (!WRITES.contains(request.getMethod())) {
            return;
        }
        java.security.Principal caller = request.getSecurityContext().getUserPrincipal();
        String client = caller == null ? "anonymous" : caller.getName();
        Object location = response.getHeaders().getFirst("Location");
        Entry entry = new Entry(OffsetDateTime.now(ZoneOffset.UTC), client, request.getMethod(),
                request.getUriInfo().getPath(), response.getStatus(), request.getHeaderString("Idempotency-Key"),
                location == null ? null : location.toString());
        try {
            record(entry);
        } catch (SQLException e) {
            // The answer has been decided; losing the audit row must be loud, not turn a done write into a 500.
            LOG.errorf(e, "Could not audit %s %s by %s (status %d)", entry.method(), entry.path(), client, entry.status());
        }
    }

    void record(Entry entry) throws SQLException {
        try (Connection db = store.dataSource().getConnection();
                PreparedStatement insert = db.prepareStatement("INSERT INTO api_audit (occurred_at, client, method, path, status,"
                        + " idempotency_key, location) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, entry.at());
            insert.setString(2, entry.client());
            insert.setString(3, entry.method());
            insert.setString(4, truncate(entry.path(), 512));
            insert.setInt(5, entry.status());
            insert.setString(6, entry.idempotencyKey() == null ? null : truncate(entry.idempotencyKey(), 200));
            insert.setString(7, entry.location() == null ? null : truncate(entry.location(), 256));
            insert.executeUpdate();
        }
    }

    /** The latest writes by one client, newest first. */
    public List<Entry> byClient(String client, int limit) throws SQLException {
        try (Connection db = store.dataSource().getConnection();
                PreparedStatement select = db.prepareStatement("SELECT occurred_at, client, method, path, status, idempotency_key,"
                        + " location FROM api_audit WHERE client = ? ORDER BY audit_id DESC LIMIT ?")) {
            select.setString(1, client);
            select.setInt(2, limit);
            List<Entry> entries = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    entries.add(new Entry(row.getObject(1, OffsetDateTime.class), row.getString(2), row.getString(3),
                            row.getString(4), row.getInt(5), row.getString(6), row.getString(7)));
                }
            }
            return entries;
        }
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
