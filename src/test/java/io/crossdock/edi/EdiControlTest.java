package io.crossdock.edi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import jakarta.inject.Inject;

import io.crossdock.edi.ControlNumbers.Kind;
import io.crossdock.testing.KafkaTestResource;
import io.crossdock.testing.OdooTestResource;
import io.crossdock.testing.SftpTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(SftpTestResource.class)
@WithTestResource(OdooTestResource.class)
class EdiControlTest {

    @Inject
    ControlNumbers controlNumbers;

    @Inject
    InterchangeRegistry interchanges;

    @Test
    void parallelSendersGetEveryNumberOnceInIncreasingOrder() throws Exception {
        String partner = "p-" + UUID.randomUUID().toString().substring(0, 8);
        ExecutorService senders = Executors.newFixedThreadPool(4);
        try {
            List<Callable<List<Long>>> work = new ArrayList<>();
            for (int sender = 0; sender < 4; sender++) {
                work.add(() -> {
                    List<Long> taken = new ArrayList<>();
                    for (int i = 0; i < 100; i++) {
                        taken.add(controlNumbers.next(partner, Kind.INTERCHANGE, 999_999_999L));
                    }
                    return taken;
                });
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> result : senders.invokeAll(work)) {
                List<Long> taken = result.get();
                assertThat(taken).as("each sender sees its numbers increase").isSorted().doesNotHaveDuplicates();
                all.addAll(taken);
            }
            assertThat(all).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 400).boxed().toList());
        } finally {
            senders.shutdownNow();
        }
        assertThat(controlNumbers.next(partner, Kind.GROUP, 999_999_999L)).as("each kind counts alone").isEqualTo(1);
    }

    @Test
    void numbersAreNeverReusedWhenTheyRunOut() {
        String partner = "p-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 1; i <= 3; i++) {
            assertThat(controlNumbers.next(partner, Kind.TRANSACTION, 3)).isEqualTo(i);
        }
        assertThatThrownBy(() -> controlNumbers.next(partner, Kind.TRANSACTION, 3))
                .hasMessageContaining(partner).hasMessageContaining("exhausted");
        assertThatThrownBy(() -> controlNumbers.next(partner, Kind.TRANSACTION, 3)).hasMessageContaining("exhausted");
    }

    @Test
    void aResentInterchangeIsRecognisedWithinThePartnersWindow() {
        String number = String.valueOf(100_000_000 + (int) (Math.random() * 800_000_000));
        Envelope isa = new Envelope("X12", "00401", "ZZ", "DEMOSENDER", "ZZ", "CROSSDOCK", number, "261122", "1200",
                false, null, Map.of(), 1);

        assertThat(interchanges.register(isa, "demo", "first", Duration.ofDays(30))).isEmpty();
        assertThat(interchanges.register(isa, "demo", "second", Duration.ofDays(30)))
                .hasValueSatisfying(earlier -> assertThat(earlier.correlationId()).isEqualTo("first"));

        Envelope otherReceiver = new Envelope("X12", "00401", "ZZ", "DEMOSENDER", "ZZ", "SOMEONEELSE", number,
                "261122", "1200", false, null, Map.of(), 1);
        assertThat(interchanges.register(otherReceiver, "demo", "third", Duration.ofDays(30)))
                .as("control numbers are per sender/receiver pair").isEmpty();
        assertThat(interchanges.register(isa, "demo", "fourth", Duration.ZERO))
                .as("outside the window the number may come again").isEmpty();
    }
}
