package io.crossdock.api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.crossdock.store.Store;

/**
 * The answers given per client and {@code Idempotency-Key}: a retry with the same key and the same
 * request gets the first answer again, without doing the work again; the same key with another
 * request is refused, because the client has mixed up its keys.
 */
@ApplicationScoped
public class IdempotencyKeys {

    /** An answer given earlier. */
    public record Answer(String requestSha256, int status, String body) {
    }

    private final Store store;

    public IdempotencyKeys(Store store) {
        this.store = store;
    }

    public Optional<Answer> answered(String client, String key) throws SQLException {
        try (Connection db = store.dataSource().getConnection();
                PreparedStatement select = db.prepareStatement("SELECT request_sha256, status, response FROM api_idempotency"
                        + " WHERE client = ? AND idempotency_key = ?")) {
            select.setString(1, client);
            select.setString(2, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new Answer(row.getString(1), row.getInt(2), row.getString(3))) : Optional.empty();
            }
        }
    }

    /** Keeps the answer; when a concurrent retry kept one first, that one is the answer. */
    public Answer remember(String client, String key, Answer answer) throws SQLException {
        try (Connection db = store.dataSource().getConnection();
                PreparedStatement insert = db.prepareStatement("INSERT INTO api_idempotency (client, idempotency_key,"
                        + " request_sha256, status, response, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, client);
            insert.setString(2, key);
            insert.setString(3, answer.requestSha256());
            insert.setInt(4, answer.status());
            insert.setString(5, answer.body());
            insert.setObject(6, OffsetDateTime.now(ZoneOffset.UTC));
            insert.executeUpdate();
            return answer;
        } catch (SQLException e) {
            if (Store.isUniqueViolation(e)) {
                return answered(client, key).orElseThrow(() -> e);
            }
            throw e;
        }
    }
}
