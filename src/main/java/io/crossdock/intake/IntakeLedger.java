package io.crossdock.intake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.crossdock.canonical.ContentHash;
import io.crossdock.canonical.InboundDocuments;
import io.crossdock.intake.Receipt.Outcome;
import io.crossdock.ops.Tracking;
import io.crossdock.ops.TrackingEntry;
import io.crossdock.store.DocumentArchive;
import io.crossdock.store.Store;

/**
 * The durable record of every file taken from a partner's inbox: the archived bytes, the
 * correlation id given to them, and whether they were handed on. The unique key on
 * (partner, content hash) is what makes a second drop of the same bytes a duplicate, even when
 * two pods read it at once.
 */
@ApplicationScoped
public class IntakeLedger {


    private final Store store;
    private final Tracking tracking;
    private final DocumentArchive archive;

    public IntakeLedger(Store store, Tracking tracking, DocumentArchive archive) {
        this.store = store;
        this.tracking = tracking;
        this.archive = archive;
    }

    /** Archives a file read from {@code partner}'s inbox and says what to do with it. */
    public Receipt receive(String partner, String fileName, byte[] content) {
        String sha256 = ContentHash.sha256(content);
        try (Connection db = store.dataSource().getConnection()) {
            db.setAutoCommit(false);
            try {
                Receipt receipt = receive(db, partner, fileName, sha256, content);
                db.commit();
                return receipt;
            } catch (SQLException e) {
                db.rollback();
                if (!Store.isUniqueViolation(e)) {
                    throw e;
                }
                // Another pod archived the same bytes a moment ago: decide again against its row.
                Receipt receipt = receive(db, partner, fileName, sha256, content);
                db.commit();
                return receipt;
            }
        } catch (SQLException e) {
            throw new IntakeStoreException("could not record file " + fileName + " from " + partner, e);
        }
    }

    /** The file's event is durably on Kafka at this position: a later drop of the same bytes is a duplicate. */
    public void markPublished(Receipt receipt, String topic, int partition, long offset) {
        try (Connection db = store.dataSource().getConnection()) {
            db.setAutoCommit(false);
            try (PreparedStatement update = db.prepareStatement(
                    "update inbound_file set status = 'PUBLISHED', published_at = ? where correlation_id = ?")) {
                update.setObject(1, now());
                update.setString(2, receipt.correlationId());
                update.executeUpdate();
                tracking.record(db, TrackingEntry.of("FILE_HANDED_ON", "kafka",
                        "Handed on as an inbound document", receipt.fileName(), receipt.partner(),
                        receipt.correlationId()).withKafka(topic, partition, offset)
                        .withEvent(receipt.correlationId(), InboundDocuments.DOCUMENT_RECEIVED));
                db.commit();
            } catch (SQLException e) {
                db.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IntakeStoreException("could not mark " + receipt.correlationId() + " as published", e);
        }
    }

    private Receipt receive(Connection db, String partner, String fileName, String sha256, byte[] content)
            throws SQLException {
        Optional<FirstReceipt> first = findFirst(db, partner, sha256);
        if (first.isEmpty()) {
            return archiveNew(db, partner, fileName, sha256, content);
        }
        FirstReceipt original = first.get();
        if (!original.published() && original.fileName().equals(fileName)) {
            return new Receipt(Outcome.RESUMED, original.correlationId(), partner, fileName, sha256, content.length,
                    original.archiveId(), original.receivedAt(), null, null);
        }
        return recordDuplicate(db, partner, fileName, sha256, content.length, original);
    }

    private Receipt archiveNew(Connection db, String partner, String fileName, String sha256, byte[] content)
            throws SQLException {
        String correlationId = UUID.randomUUID().toString();
        OffsetDateTime now = now();
        String archiveId = archive.store(db, correlationId, DocumentArchive.Direction.IN, partner, fileName, sha256,
                content);
        try (PreparedStatement receipt = db.prepareStatement("""
                insert into inbound_file (correlation_id, partner, file_name, content_sha256, size_bytes,
                    archive_id, status, received_at)
                values (?, ?, ?, ?, ?, ?, 'RECEIVED', ?)""")) {
            receipt.setString(1, correlationId);
            receipt.setString(2, partner);
            receipt.setString(3, fileName);
            receipt.setString(4, sha256);
            receipt.setLong(5, content.length);
            receipt.setString(6, archiveId);
            receipt.setObject(7, now);
            receipt.executeUpdate();
        }
        tracking.record(db, TrackingEntry.of("FILE_RECEIVED", "sftp", "Received " + fileName + " from " + partner
                + " (" + content.length + " bytes, sha256 " + sha256 + "), archived unchanged", fileName, partner,
                correlationId).at(now).withArchive(archiveId));
        return new Receipt(Outcome.NEW, correlationId, partner, fileName, sha256, content.length, archiveId, now,
                null, null);
    }

    private Receipt recordDuplicate(Connection db, String partner, String fileName, String sha256, long size,
            FirstReceipt original) throws SQLException {
        String correlationId = UUID.randomUUID().toString();
        OffsetDateTime now = now();
        try (PreparedStatement duplicate = db.prepareStatement("""
                insert into inbound_duplicate (correlation_id, partner, file_name, content_sha256,
                    original_correlation_id, received_at)
                values (?, ?, ?, ?, ?, ?)""")) {
            duplicate.setString(1, correlationId);
            duplicate.setString(2, partner);
            duplicate.setString(3, fileName);
            duplicate.setString(4, sha256);
            duplicate.setString(5, original.correlationId());
            duplicate.setObject(6, now);
            duplicate.executeUpdate();
        }
        // Filed under the original's correlation id as its key, so the original's timeline shows the resend.
        tracking.record(db, TrackingEntry.of("FILE_DUPLICATE", "sftp", "Received " + fileName + " from " + partner
                + " again: same content as " + original.fileName() + "; reported, not processed",
                original.correlationId(), partner, correlationId).at(now).withArchive(original.archiveId()));
        return new Receipt(Outcome.DUPLICATE, correlationId, partner, fileName, sha256, size, original.archiveId(),
                now, original.correlationId(), original.fileName());
    }

    private static Optional<FirstReceipt> findFirst(Connection db, String partner, String sha256) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("""
                select correlation_id, file_name, archive_id, status, received_at
                from inbound_file where partner = ? and content_sha256 = ?""")) {
            query.setString(1, partner);
            query.setString(2, sha256);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new FirstReceipt(row.getString(1), row.getString(2), row.getString(3),
                        "PUBLISHED".equals(row.getString(4)), row.getObject(5, OffsetDateTime.class)));
            }
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private record FirstReceipt(String correlationId, String fileName, String archiveId, boolean published,
            OffsetDateTime receivedAt) {
    }
}
