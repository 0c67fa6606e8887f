package io.crossdock.events;

import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The pod's one Kafka admin client (topics, consumer lag, readiness), made on first use so a broker
 * that is not up yet does not hold up the start.
 */
@ApplicationScoped
public class KafkaAdmin {

    private final String bootstrapServers;
    private volatile Admin admin;

    public KafkaAdmin(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Admin get() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    // Kafka refuses a default API timeout below the request timeout: keep them equal.
                    admin = Admin.create(Map.of(
                            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                            AdminClientConfig.CLIENT_ID_CONFIG, "crossdock-admin",
                            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
                            AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000));
                }
            }
        }
        return admin;
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
