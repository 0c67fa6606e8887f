package io.crossdock.events;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** Reads what a Camel Kafka consumer put in an exchange: the record's place, key, headers and CloudEvent. */
public final class KafkaExchanges {

    private KafkaExchanges() {
    }

    public static ConsumedEvent consumedEvent(Exchange exchange) {
        Message message = exchange.getMessage();
        RecordHeaders headers = new RecordHeaders();
        recordHeaders(message).forEach(headers::add);
        try {
            return new ConsumedEvent(
                    KafkaMessageFactory.createReader(headers, message.getBody(byte[].class)).toEvent(),
                    topic(message), partition(message), offset(message));
        } catch (RuntimeException e) {
            throw new UnreadableEventException("record " + topic(message) + "/" + partition(message) + "@"
                    + offset(message) + " is not a CloudEvent: " + e.getMessage(), e);
        }
    }

    /** The Kafka headers of the record (everything but Camel's own and the kafka.* metadata). */
    public static Map<String, byte[]> recordHeaders(Message message) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        message.getHeaders().forEach((name, value) -> {
            if (!name.startsWith("kafka.") && !name.startsWith("Camel") && !name.startsWith("crossdock")) {
                headers.put(name, value instanceof byte[] bytes ? bytes
                        : String.valueOf(value).getBytes(StandardCharsets.UTF_8));
            }
        });
        return headers;
    }

    public static String topic(Message message) {
        return message.getHeader(KafkaConstants.TOPIC, String.class);
    }

    public static int partition(Message message) {
        Integer partition = message.getHeader(KafkaConstants.PARTITION, Integer.class);
        return partition == null ? -1 : partition;
    }

    public static long offset(Message message) {
        Long offset = message.getHeader(KafkaConstants.OFFSET, Long.class);
        return offset == null ? -1 : offset;
    }

    public static String key(Message message) {
        Object key = message.getHeader(KafkaConstants.KEY);
        return key == null ? null : key instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : key.toString();
    }

    public static String header(Message message, String name) {
        Object value = message.getHeader(name);
        return value == null ? null : value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                : value.toString();
    }
}
