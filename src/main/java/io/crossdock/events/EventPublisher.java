package io.crossdock.events;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import io.crossdock.canonical.CanonicalJson;
import io.crossdock.canonical.CanonicalSchemas;
import io.crossdock.canonical.EventType;
import io.crossdock.canonical.Violation;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishes canonical business events as CloudEvents (binary mode) on their family's topic, keyed
 * by business key so one transaction's events stay in order. An event that does not match its
 * schema is never published: the caller gets an {@link InvalidEventException} naming each field.
 */
@ApplicationScoped
public class EventPublisher {

    private final EventTopics topics;
    private final CanonicalSchemas schemas;
    private final EventMetrics metrics;
    private final KafkaProducer<String, CloudEvent> producer;

    public EventPublisher(EventTopics topics, EventBackboneConfig config, EventMetrics metrics, CanonicalSchemas schemas,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "camel.component.kafka.max-block-ms") int maxBlockMs) {
        this.topics = topics;
        this.metrics = metrics;
        this.schemas = schemas;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "crossdock-events",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, config.lingerMs(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, maxBlockMs,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                new StringSerializer(), new CloudEventSerializer());
    }

    /** Validates and sends; the future completes once the event is durably on its topic. */
    public CompletableFuture<PublishedEvent> publish(EventType type, Object data, EventContext context) {
        return publishJson(type, CanonicalJson.MAPPER.valueToTree(data), context);
    }

    /** As {@link #publish}, for data that arrives as JSON (REST bodies, replays): checked before anything else. */
    public CompletableFuture<PublishedEvent> publishJson(EventType type, JsonNode data, EventContext context) {
        List<Violation> violations = schemas.validateData(type, data);
        if (!violations.isEmpty()) {
            metrics.refused(type);
            throw new InvalidEventException(type, violations);
        }
        Object typed = bind(type, data);
        String businessKey = type.businessKeyOf(typed);
        CloudEvent event = cloudEvent(type, data, businessKey, context);
        return send(type, topics.topicOf(type.family()), businessKey, event);
    }

    /** Sends an event exactly as it was (same id, same attributes), e.g. a replay. */
    public CompletableFuture<PublishedEvent> republish(String topic, String key, CloudEvent event) {
        EventType type = EventType.byCloudEventType(event.getType()).orElse(null);
        return send(type, topic, key, event);
    }

    private CompletableFuture<PublishedEvent> send(EventType type, String topic, String key, CloudEvent event) {
        CompletableFuture<PublishedEvent> published = new CompletableFuture<>();
        producer.send(new ProducerRecord<>(topic, key, event), (metadata, error) -> {
            if (error != null) {
                metrics.publishFailed(type);
                published.completeExceptionally(error);
            } else {
                metrics.published(type);
                published.complete(new PublishedEvent(event.getId(), event.getType(), key, metadata.topic(),
                        metadata.partition(), metadata.offset()));
            }
        });
        return published;
    }

    private static CloudEvent cloudEvent(EventType type, JsonNode data, String businessKey, EventContext context) {
        try {
            CloudEventBuilder event = CloudEventBuilder.v1()
                    .withId(context.eventIdOrNew())
                    .withSource(URI.create(context.source()))
                    .withType(type.cloudEventType())
                    .withSubject(businessKey)
                    .withTime(OffsetDateTime.now(ZoneOffset.UTC))
                    .withDataContentType("application/json")
                    .withData(CanonicalJson.MAPPER.writeValueAsBytes(data))
                    .withExtension("correlationid", context.correlationId());
            if (context.partner() != null) {
                event.withExtension("partner", context.partner());
            }
            return event.build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    private static Object bind(EventType type, JsonNode data) {
        try {
            return CanonicalJson.MAPPER.treeToValue(data, type.dataType());
        } catch (JsonProcessingException e) {
            throw new InvalidEventException(type, List.of(new Violation("$", "type", e.getOriginalMessage())));
        }
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
