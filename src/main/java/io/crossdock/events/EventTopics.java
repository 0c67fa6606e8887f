package io.crossdock.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.crossdock.canonical.EventFamily;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.jboss.logging.Logger;

/** Names the topic of each event family and its dead-letter topic, and creates missing ones. */
@ApplicationScoped
public class EventTopics {

    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    private static final Logger LOG = Logger.getLogger(EventTopics.class);

    private final EventBackboneConfig config;
    private final KafkaAdmin kafka;

    public EventTopics(EventBackboneConfig config, KafkaAdmin kafka) {
        this.config = config;
        this.kafka = kafka;
    }

    public String topicOf(EventFamily family) {
        String topic = config.topics().get(family.id());
        if (topic == null) {
            throw new IllegalStateException("no topic configured for " + family.id()
                    + " (crossdock.events.topics." + family.id() + ")");
        }
        return topic;
    }

    public static String deadLetterTopicOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    /** Creates each family's topic and dead-letter topic if missing, with the configured partitions and retention. */
    public void ensureExist() {
        List<NewTopic> wanted = new ArrayList<>();
        for (EventFamily family : EventFamily.values()) {
            String topic = topicOf(family);
            wanted.add(new NewTopic(topic, config.partitions(), config.replicationFactor())
                    .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(config.retention().toMillis()))));
            wanted.add(new NewTopic(deadLetterTopicOf(topic), 1, config.replicationFactor())
                    .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG,
                            String.valueOf(config.deadLetterRetention().toMillis()))));
        }
        try {
            Admin admin = kafka.get();
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<NewTopic> missing = wanted.stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(10, TimeUnit.SECONDS);
                LOG.infof("Created topics %s", missing.stream().map(NewTopic::name).toList());
            }
        } catch (Exception e) {
            // Not fatal: Kafka may come up after us (readiness says so), and operators may manage topics.
            LOG.warnf("Could not check or create the event topics on %s (%s); publishing needs them to exist",
                    kafka.bootstrapServers(), e.getMessage());
        }
    }
}
