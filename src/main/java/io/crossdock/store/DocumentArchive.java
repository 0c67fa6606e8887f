package io.crossdock.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Every document received or sent, byte for byte, under its correlation id: what Crossdock can
 * always show a partner ("this is exactly what you sent us / what we sent you").
 */
@ApplicationScoped
public class DocumentArchive {

    public enum Direction { IN, OUT }

    /** An archived document. */
    public record Archived(String archiveId, String correlationId, Direction direction, String partner,
            String fileName, byte[] content) {
    }

    private final Store store;

    public DocumentArchive(Store store) {
        this.store = store;
    }

    /** Archives in a transaction of its own, committed on return; returns the archive id. */
    public String store(String correlationId, Direction direction, String partner, String fileName, String sha256,
            byte[] content) throws SQLException {
        try (Connection db = store.dataSource().getConnection()) {
            return store(db, correlationId, direction, partner, fileName, sha256, content);
        }
    }

    /** Archives within the caller's transaction; returns the archive id. */
    public String store(Connection db, String correlationId, Direction direction, String partner, String fileName,
            String sha256, byte[] content) throws SQLException {
        String archiveId = UUID.randomUUID().toString();
        try (PreparedStatement archive = db.prepareStatement("""
                insert into archived_document (archive_id, correlation_id, direction, partner, file_name,
                    content_sha256, size_bytes, stored_at, content)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            archive.setString(1, archiveId);
            archive.setString(2, correlationId);
            archive.setString(3, direction.name());
            archive.setString(4, partner);
            archive.setString(5, fileName);
            archive.setString(6, sha256);
            archive.setLong(7, content.length);
            archive.setObject(8, OffsetDateTime.now(ZoneOffset.UTC));
            archive.setBytes(9, content);
            archive.executeUpdate();
        }
        return archiveId;
    }

    public Optional<Archived> read(String archiveId) throws SQLException {
        return find("archive_id = ?", archiveId, null);
    }

    /** An outbound document already made for this correlation id under this file name, if any. */
    public Optional<Archived> sent(String correlationId, String fileName) throws SQLException {
        return find("correlation_id = ? and direction = 'OUT' and file_name = ?", correlationId, fileName);
    }

    private Optional<Archived> find(String condition, String first, String second) throws SQLException {
        try (Connection db = store.dataSource().getConnection();
                PreparedStatement query = db.prepareStatement("select archive_id, correlation_id, direction, partner,"
                        + " file_name, content from archived_document where " + condition)) {
            query.setString(1, first);
            if (second != null) {
                query.setString(2, second);
            }
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Archived(row.getString(1), row.getString(2),
                        Direction.valueOf(row.getString(3)), row.getString(4), row.getString(5), row.getBytes(6)));
            }
        }
    }
}
