package fr.hubag.eventsourcing.relay;

import fr.hubag.eventsourcing.Counter;
import fr.hubag.eventsourcing.KernelFixture;
import fr.hubag.eventsourcing.command.CommandContext;
import fr.hubag.eventsourcing.command.CommandExecutor;
import fr.hubag.eventsourcing.metrics.KernelMetrics;
import fr.hubag.eventsourcing.store.EventMetadata;
import fr.hubag.eventsourcing.store.EventStore;
import fr.hubag.eventsourcing.store.NewEvent;
import fr.hubag.testing.HubInfrastructure;
import fr.hubag.testing.TopicRecords;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** A commit in the service wakes its relay: the event is published at once, not at the next idle poll. */
class RelayWakeUpTest {

    @Test
    void aCommitWakesTheWaitingRelayAndManyCommitsMakeOneWakeUp() throws Exception {
        RelayWakeUp wakeUp = new RelayWakeUp();
        long start = System.nanoTime();
        assertThat(wakeUp.await(Duration.ofMillis(50))).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(45));

        wakeUp.committed();
        wakeUp.committed();
        wakeUp.committed();
        assertThat(wakeUp.await(Duration.ofSeconds(5))).isTrue();
        assertThat(wakeUp.await(Duration.ofMillis(20))).as("three commits, one wake-up").isFalse();
    }

    @Test
    void withAThirtySecondIdlePollAWokenRelayPublishesWithinASecond() throws Exception {
        String topic = "relay-wake-" + UUID.randomUUID();
        String servers = HubInfrastructure.get().bootstrapServers();
        try (KernelFixture db = new KernelFixture()) {
            RelayWakeUp wakeUp = new RelayWakeUp();
            RelayRunner runner = new RelayRunner(db.dataSource, true, servers, "tests", topic, 1, 100,
                    Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofMillis(5),
                    new KernelMetrics(new SimpleMeterRegistry()), OpenTelemetry.noop(), wakeUp);
            Instant constructed = runner.lastSuccess();
            runner.start(null);
            try {
                // its first round (the topic created, nothing to publish) done, the relay waits on its 30 s poll
                waitFor(() -> runner.lastSuccess().isAfter(constructed), Duration.ofSeconds(20));
                Thread.sleep(200);

                new EventStore(db.pool).append(db.pool, "s-" + UUID.randomUUID(), "test", "GF", 0,
                        List.of(new NewEvent(UUID.randomUUID(), "Numbered", 1, "{\"n\":1}", Instant.now())),
                        new EventMetadata("corr", "cause", "tester", null)).await().indefinitely();
                long committed = System.nanoTime();
                wakeUp.committed();

                waitFor(() -> runner.published() == 1, Duration.ofSeconds(10));
                Duration took = Duration.ofNanos(System.nanoTime() - committed);
                assertThat(runner.published()).isEqualTo(1);
                assertThat(took).isLessThan(Duration.ofSeconds(1));
                assertThat(TopicRecords.readUntil(topic, records -> records.size() == 1, Duration.ofSeconds(20)))
                        .hasSize(1);
            } finally {
                runner.stop(null);
            }
        }
    }

    @Test
    void theExecutorWakesTheRelayOnceItsAppendIsCommitted() throws Exception {
        try (KernelFixture db = new KernelFixture()) {
            RelayWakeUp wakeUp = new RelayWakeUp();
            CommandExecutor executor = new CommandExecutor(db.pool, new EventStore(db.pool),
                    CommandExecutor.ConflictRetry.DEFAULT, KernelMetrics.inMemory(), wakeUp);
            assertThat(wakeUp.await(Duration.ofMillis(10))).isFalse();

            executor.execute(Counter.TYPE, List.of(UUID.randomUUID().toString()),
                    new CommandContext("corr", "cause", "tester", null, null, OptionalLong.empty()),
                    states -> List.of(new Counter.Increment("MQ", 1)), outcomes -> "{}").await().indefinitely();

            assertThat(wakeUp.await(Duration.ofMillis(10))).isTrue();
        }
    }

    private static void waitFor(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }
}
