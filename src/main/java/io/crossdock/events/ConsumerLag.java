package io.crossdock.events;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Named;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * How far each consumer is behind, per topic: {@code crossdock_events_consumer_lag{consumer,topic}},
 * the sum over partitions of (end offset - committed offset). Measured from the brokers' view, so
 * it is the same whichever pod asks.
 */
@Named("consumerLag")
@ApplicationScoped
public class ConsumerLag {

    private static final Logger LOG = Logger.getLogger(ConsumerLag.class);

    private final Instance<EventHandler> handlers;
    private final EventTopics topics;
    private final MeterRegistry registry;
    private final KafkaAdmin kafka;
    private final Map<String, AtomicLong> lags = new ConcurrentHashMap<>();
    private volatile String lastProblem;

    public ConsumerLag(Instance<EventHandler> handlers, EventTopics topics, MeterRegistry registry, KafkaAdmin kafka) {
        this.handlers = handlers;
        this.topics = topics;
        this.registry = registry;
        this.kafka = kafka;
    }

    /** Called on a timer by the {@code consumer-lag} route. */
    public void measure() {
        try {
            for (EventHandler handler : handlers) {
                Map<TopicPartition, OffsetAndMetadata> committed = kafka.get()
                        .listConsumerGroupOffsets(handler.consumer()).partitionsToOffsetAndMetadata()
                        .get(10, TimeUnit.SECONDS);
                for (String topic : java.util.stream.Stream.concat(handler.families().stream().map(topics::topicOf),
                        handler.otherTopics().stream()).toList()) {
                    List<TopicPartition> partitions = kafka.get().describeTopics(List.of(topic)).allTopicNames()
                            .get(10, TimeUnit.SECONDS).get(topic).partitions().stream()
                            .map(p -> new TopicPartition(topic, p.partition())).toList();
                    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                    partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
                    long lag = 0;
                    for (var end : kafka.get().listOffsets(latest).all().get(10, TimeUnit.SECONDS).entrySet()) {
                        OffsetAndMetadata done = committed.get(end.getKey());
                        lag += end.getValue().offset() - (done == null ? 0 : done.offset());
                    }
                    gauge(handler.consumer(), topic).set(lag);
                }
            }
        } catch (Exception e) {
            String problem = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (!problem.equals(lastProblem)) {
                LOG.warnf(e, "Consumer lag not measured: %s", problem);
            }
            lastProblem = problem;
            return;
        }
        lastProblem = null;
    }

    private AtomicLong gauge(String consumer, String topic) {
        return lags.computeIfAbsent(consumer + "|" + topic, key -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("crossdock.events.consumer.lag", value, AtomicLong::get)
                    .tags("consumer", consumer, "topic", topic)
                    .description("records on the topic this consumer has not committed yet")
                    .register(registry);
            return value;
        });
    }
}
