package io.crossdock.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import io.crossdock.canonical.EventType;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;

/**
 * One route per {@link EventHandler}: read the family's topic as the handler's own consumer group,
 * apply each event once, retry transient failures with exponential backoff and jitter, and
 * dead-letter what still fails (or fails for a permanent reason) so the stream behind it keeps
 * flowing. Offsets are committed by the poll after a record was processed, so only once its effect
 * (or its dead letter) is durable.
 */
@ApplicationScoped
public class EventConsumerRoutes extends RouteBuilder {

    public static final String DEAD_LETTER_ROUTE = "direct:dead-letter";

    private final Instance<EventHandler> handlers;
    private final EventInbox inbox;
    private final EventTopics topics;
    private final EventMetrics metrics;
    private final EventBackboneConfig config;
    private volatile ProducerTemplate slowPath;

    public EventConsumerRoutes(Instance<EventHandler> handlers, EventInbox inbox, EventTopics topics,
            EventMetrics metrics, EventBackboneConfig config) {
        this.handlers = handlers;
        this.inbox = inbox;
        this.topics = topics;
        this.metrics = metrics;
        this.config = config;
    }

    @Override
    public void configure() {
        topics.ensureExist();

        from(DEAD_LETTER_ROUTE).routeId("dead-letter")
                .bean("deadLetters", "record")
                .to("kafka:dead-letters?valueSerializer=org.apache.kafka.common.serialization.ByteArraySerializer");

        from("timer:consumer-lag?period=" + config.lagIntervalMs()).routeId("consumer-lag")
                .bean("consumerLag", "measure");

        for (EventHandler handler : handlers) {
            String consumer = handler.consumer();
            Optional<EventBackboneConfig.ConsumerSettings> own = Optional.ofNullable(config.consumers().get(consumer));
            String sources = java.util.stream.Stream.concat(
                            handler.families().stream().sorted().map(topics::topicOf), handler.otherTopics().stream())
                    .collect(java.util.stream.Collectors.joining(","));
            String oneByOne = "direct:apply-" + consumer;
            from("kafka:" + sources
                    + "?groupId=" + consumer
                    + "&autoOffsetReset=earliest"
                    + "&valueDeserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer"
                    + "&batching=true"
                    // A batch closes when full or after this long, so a quiet topic still flows at once.
                    + "&batchingIntervalMs=" + config.batchWindowMs()
                    + "&pollTimeoutMs=" + config.batchWindowMs()
                    + "&maxPollRecords=" + own.flatMap(EventBackboneConfig.ConsumerSettings::maxPollRecords).orElse(500)
                    // One consumer thread per partition: events of one key stay in order, keys go in parallel.
                    + "&consumersCount=" + own.flatMap(EventBackboneConfig.ConsumerSettings::threads)
                            .orElse(config.partitions()))
                    .routeId("consume-" + consumer)
                    .process(batch -> applyBatch(handler, batch, oneByOne));

            // The slow path, taken by a batch that failed: each event alone, retried, and dead-lettered if it must.
            from(oneByOne).routeId("apply-" + consumer)
                    .errorHandler(deadLetterChannel(DEAD_LETTER_ROUTE)
                            .useOriginalMessage()
                            .maximumRedeliveries(own.flatMap(EventBackboneConfig.ConsumerSettings::maxRedeliveries)
                                    .orElse(config.retry().maxRedeliveries()))
                            .redeliveryDelay(own.flatMap(EventBackboneConfig.ConsumerSettings::initialDelayMs)
                                    .orElse(config.retry().initialDelayMs()))
                            .useExponentialBackOff()
                            .backOffMultiplier(own.flatMap(EventBackboneConfig.ConsumerSettings::multiplier)
                                    .orElse(config.retry().multiplier()))
                            .maximumRedeliveryDelay(own.flatMap(EventBackboneConfig.ConsumerSettings::maxDelayMs)
                                    .orElse(config.retry().maxDelayMs()))
                            .useCollisionAvoidance()
                            .retryAttemptedLogLevel(LoggingLevel.WARN))
                    .onException(Exception.class)
                        .onWhen(exchange -> exchange.getException() instanceof PermanentFailure)
                        .maximumRedeliveries(0)
                    .end()
                    .setProperty(DeadLetters.CONSUMER, constant(consumer))
                    .process(exchange -> apply(handler, exchange));
        }
    }

    /**
     * The fast path: a poll's events applied in one transaction. Records that are not readable events,
     * and every event of a batch that failed, go one by one through the slow path.
     */
    private void applyBatch(EventHandler handler, Exchange batch, String oneByOne) {
        List<?> records = batch.getMessage().getBody(List.class);
        List<Exchange> readable = new ArrayList<>();
        List<ConsumedEvent> events = new ArrayList<>();
        ProducerTemplate slowPath = slowPath(batch);
        for (Object record : records) {
            Exchange exchange = (Exchange) record;
            try {
                events.add(KafkaExchanges.consumedEvent(exchange));
                readable.add(exchange);
            } catch (UnreadableEventException e) {
                slowPath.send(oneByOne, exchange);
            }
        }
        try {
            Set<String> applied = inbox.applyBatch(handler, events);
            for (ConsumedEvent event : events) {
                if (applied.contains(event.id())) {
                    metrics.consumed(event.type().orElse(null), handler.consumer());
                } else {
                    metrics.skippedDuplicate(event.type().orElse(null), handler.consumer());
                }
            }
        } catch (Exception batchFailed) {
            readable.forEach(exchange -> slowPath.send(oneByOne, exchange));
        }
    }

    private ProducerTemplate slowPath(Exchange exchange) {
        if (slowPath == null) {
            synchronized (this) {
                if (slowPath == null) {
                    slowPath = exchange.getContext().createProducerTemplate();
                }
            }
        }
        return slowPath;
    }

    private void apply(EventHandler handler, Exchange exchange) throws Exception {
        // Counted in a property: the dead-letter channel restores the original message, not its headers.
        exchange.setProperty(DeadLetters.ATTEMPTS, exchange.getProperty(DeadLetters.ATTEMPTS, 0, Integer.class) + 1);
        ConsumedEvent event = KafkaExchanges.consumedEvent(exchange);
        EventType type = event.type().orElse(null);
        try {
            if (inbox.applyOnce(handler, event)) {
                metrics.consumed(type, handler.consumer());
            } else {
                metrics.skippedDuplicate(type, handler.consumer());
            }
        } catch (Exception e) {
            metrics.failed(type, handler.consumer());
            throw e;
        }
    }

}
