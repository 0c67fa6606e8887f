package io.crossdock.ops;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.crossdock.events.KafkaAdmin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while a Kafka broker answers: without it no file can be handed on. */
@Readiness
@ApplicationScoped
public class KafkaReadiness implements HealthCheck {

    private final KafkaAdmin admin;
    private final long timeoutMs;

    public KafkaReadiness(KafkaAdmin admin,
            /** How long a readiness check waits for Kafka's answer, or for a partner's SFTP login (ms). */
            @ConfigProperty(name = "crossdock.health.timeout-ms", defaultValue = "3000") long timeoutMs) {
        this.admin = admin;
        this.timeoutMs = timeoutMs;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("kafka").withData("bootstrap.servers", admin.bootstrapServers());
        try {
            var cluster = admin.get().describeCluster(new DescribeClusterOptions().timeoutMs((int) timeoutMs));
            int brokers = cluster.nodes().get(timeoutMs, TimeUnit.MILLISECONDS).size();
            return response.status(brokers > 0).withData("brokers", brokers).build();
        } catch (Exception e) {
            return response.down().withData("error", describe(e)).build();
        }
    }

    static String describe(Throwable e) {
        Throwable cause = e.getCause() != null && e.getMessage() == null ? e.getCause() : e;
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
