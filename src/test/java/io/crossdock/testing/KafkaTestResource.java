package io.crossdock.testing;

import java.nio.file.Path;
import java.util.Map;

import io.crossdock.sandbox.KafkaBroker;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A real KRaft broker in the test JVM: the sandbox's own broker class, on a free port. */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private static KafkaBroker broker;
    private Path work;

    /** The running broker, for tests that stop and restart it. */
    public static KafkaBroker broker() {
        return broker;
    }

    @Override
    public Map<String, String> start() {
        work = WorkFolder.create("crossdock-kafka");
        broker = KafkaBroker.on(work, "127.0.0.1", 0).start();
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.stop();
        }
        WorkFolder.delete(work);
    }
}
