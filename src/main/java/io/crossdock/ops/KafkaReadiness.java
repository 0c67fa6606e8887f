package io.crossdock.ops;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while a Kafka broker answers: without it no file can be handed on. */
@Readiness
@ApplicationScoped
public class KafkaReadiness implements HealthCheck {

    private final String bootstrapServers;
    private final long timeoutMs;
    private volatile Admin admin;

    public KafkaReadiness(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "crossdock.health.timeout-ms", defaultValue = "3000") long timeoutMs) {
        this.bootstrapServers = bootstrapServers;
        this.timeoutMs = timeoutMs;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("kafka").withData("bootstrap.servers", bootstrapServers);
        try {
            var cluster = admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) timeoutMs));
            int brokers = cluster.nodes().get(timeoutMs, TimeUnit.MILLISECONDS).size();
            return response.status(brokers > 0).withData("brokers", brokers).build();
        } catch (Exception e) {
            return response.down().withData("error", describe(e)).build();
        }
    }

    private Admin admin() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = Admin.create(Map.of(
                            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                            AdminClientConfig.CLIENT_ID_CONFIG, "crossdock-health",
                            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeoutMs,
                            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeoutMs,
                            AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000));
                }
            }
        }
        return admin;
    }

    static String describe(Throwable e) {
        Throwable cause = e.getCause() != null && e.getMessage() == null ? e.getCause() : e;
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
