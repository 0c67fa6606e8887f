package io.crossdock.intake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.crossdock.store.Store;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The in-progress claims of one partner's inbox, shared by every pod through the store: Camel's SFTP
 * consumer asks here before it reads a file, so two pods never process one file at once. A claim
 * is released when the file is done (deleted, or left for a retry); one left by a pod that died
 * expires after the lease.
 */
public class FileClaims extends ServiceSupport implements IdempotentRepository {


    private final Store store;
    private final String partner;
    private final String pod;
    private final Duration lease;

    public FileClaims(Store store, String partner, String pod, Duration lease) {
        this.store = store;
        this.partner = partner;
        this.pod = pod;
        this.lease = lease;
    }

    /** Claims the file for this pod; false while another pod's claim stands. */
    @Override
    public boolean add(String file) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection db = store.dataSource().getConnection()) {
            try (PreparedStatement claim = db.prepareStatement(
                    "insert into file_claim (partner, file_key, claimed_by, claimed_at) values (?, ?, ?, ?)")) {
                claim.setString(1, partner);
                claim.setString(2, file);
                claim.setString(3, pod);
                claim.setObject(4, now);
                claim.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (!Store.isUniqueViolation(e)) {
                    throw e;
                }
            }
            try (PreparedStatement takeOver = db.prepareStatement("update file_claim set claimed_by = ?, claimed_at = ?"
                    + " where partner = ? and file_key = ? and claimed_at < ?")) {
                takeOver.setString(1, pod);
                takeOver.setObject(2, now);
                takeOver.setString(3, partner);
                takeOver.setString(4, file);
                takeOver.setObject(5, now.minus(lease));
                return takeOver.executeUpdate() == 1;
            }
        } catch (SQLException e) {
            // Unsure whether another pod has it: leave the file for the next poll rather than risk a double read.
            return false;
        }
    }

    @Override
    public boolean contains(String file) {
        try (Connection db = store.dataSource().getConnection();
                PreparedStatement query = db.prepareStatement("select 1 from file_claim where partner = ? and"
                        + " file_key = ? and claimed_at >= ?")) {
            query.setString(1, partner);
            query.setString(2, file);
            query.setObject(3, OffsetDateTime.now(ZoneOffset.UTC).minus(lease));
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            return true;
        }
    }

    /** Releases this pod's claim. */
    @Override
    public boolean remove(String file) {
        return delete("partner = ? and file_key = ? and claimed_by = ?", file);
    }

    @Override
    public boolean confirm(String file) {
        return true;
    }

    /** Releases every claim of this pod on this inbox. */
    @Override
    public void clear() {
        delete("partner = ? and claimed_by = ?", null);
    }

    private boolean delete(String condition, String file) {
        try (Connection db = store.dataSource().getConnection();
                PreparedStatement delete = db.prepareStatement("delete from file_claim where " + condition)) {
            int i = 0;
            delete.setString(++i, partner);
            if (file != null) {
                delete.setString(++i, file);
            }
            delete.setString(++i, pod);
            return delete.executeUpdate() > 0;
        } catch (SQLException e) {
            return false; // the lease frees it in the end
        }
    }
}
