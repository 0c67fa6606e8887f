package io.crossdock.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.crossdock.canonical.CanonicalJson;
import io.crossdock.canonical.EventType;
import io.crossdock.canonical.ExchangeNames;
import io.crossdock.store.Store;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.jboss.logging.Logger;

/**
 * Gives up on a message for good: records it with its cause in the store (from where it can be
 * replayed) and prepares it for {@code <topic>.dlq} with the original record and headers saying
 * what failed, where, how often and why.
 */
@Named("deadLetters")
@ApplicationScoped
public class DeadLetters {


    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final Store store;
    private final EventMetrics metrics;

    public DeadLetters(Store store, EventMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
    }

    public void record(Exchange exchange) throws SQLException, JsonProcessingException {
        Message message = exchange.getMessage();
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String consumer = exchange.getProperty(ExchangeNames.CONSUMER, String.class);
        String topic = KafkaExchanges.topic(message);
        int attempts = exchange.getProperty(ExchangeNames.ATTEMPTS, 1, Integer.class);
        String reason = FailureReason.of(cause);
        String type = KafkaExchanges.header(message, "ce_type");
        String id = UUID.randomUUID().toString();
        Map<String, byte[]> headers = KafkaExchanges.recordHeaders(message);

        try (Connection db = store.dataSource().getConnection();
                PreparedStatement insert = db.prepareStatement("""
                        insert into dead_letter (dead_letter_id, consumer, route_id, event_id, event_type, business_key,
                            correlation_id, original_topic, original_partition, original_offset, record_key,
                            record_headers, record_value, cause, attempts, dead_lettered_at, status)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DEAD')""")) {
            insert.setString(1, id);
            insert.setString(2, consumer);
            insert.setString(3, exchange.getProperty(Exchange.FAILURE_ROUTE_ID, String.class));
            insert.setString(4, KafkaExchanges.header(message, "ce_id"));
            insert.setString(5, type);
            insert.setString(6, KafkaExchanges.header(message, "ce_subject"));
            insert.setString(7, KafkaExchanges.header(message, "ce_correlationid"));
            insert.setString(8, topic);
            insert.setInt(9, KafkaExchanges.partition(message));
            insert.setLong(10, KafkaExchanges.offset(message));
            insert.setString(11, KafkaExchanges.key(message));
            insert.setString(12, encode(headers));
            insert.setBytes(13, message.getBody(byte[].class));
            insert.setString(14, reason);
            insert.setInt(15, attempts);
            insert.setObject(16, OffsetDateTime.now(ZoneOffset.UTC));
            insert.executeUpdate();
        }
        LOG.errorf("Dead-lettered %s from %s/%d@%d for %s after %d attempt(s): %s", type,
                topic, KafkaExchanges.partition(message), KafkaExchanges.offset(message), consumer, attempts, reason);
        metrics.deadLettered(EventType.byCloudEventType(type).orElse(null), consumer);

        message.setHeader(KafkaConstants.OVERRIDE_TOPIC, EventTopics.deadLetterTopicOf(topic));
        message.setHeader("crossdock_dlq_id", id);
        message.setHeader("crossdock_dlq_cause", reason);
        message.setHeader("crossdock_dlq_consumer", consumer);
        message.setHeader("crossdock_dlq_route", exchange.getProperty(Exchange.FAILURE_ROUTE_ID, String.class));
        message.setHeader("crossdock_dlq_attempts", String.valueOf(attempts));
        message.setHeader("crossdock_dlq_topic", topic);
        message.setHeader("crossdock_dlq_partition", String.valueOf(KafkaExchanges.partition(message)));
        message.setHeader("crossdock_dlq_offset", String.valueOf(KafkaExchanges.offset(message)));
    }

    static String encode(Map<String, byte[]> headers) throws JsonProcessingException {
        Map<String, String> encoded = new LinkedHashMap<>();
        headers.forEach((name, value) -> encoded.put(name, Base64.getEncoder().encodeToString(value)));
        return CanonicalJson.MAPPER.writeValueAsString(encoded);
    }
}
