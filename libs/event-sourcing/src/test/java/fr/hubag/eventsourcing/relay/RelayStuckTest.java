package fr.hubag.eventsourcing.relay;

import fr.hubag.eventsourcing.KernelFixture;
import fr.hubag.eventsourcing.metrics.KernelMetrics;
import fr.hubag.eventsourcing.store.EventMetadata;
import fr.hubag.eventsourcing.store.EventStore;
import fr.hubag.eventsourcing.store.NewEvent;
import fr.hubag.testing.HubInfrastructure;
import fr.hubag.testing.TopicRecords;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event the broker refuses for good (larger than the topic's {@code max.message.bytes}), against the real
 * broker: the events acknowledged before it are never sent again, the relay reports the stuck event (readiness DOWN
 * naming it, a metric) instead of looping silently, and it goes on once the topic accepts the event.
 */
class RelayStuckTest {

    @Test
    void anEventTheBrokerRefusesIsReportedAndNothingAcknowledgedIsPublishedTwice() throws Exception {
        String topic = "relay-stuck-" + UUID.randomUUID();
        String servers = HubInfrastructure.get().bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers));
             KernelFixture db = new KernelFixture()) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)
                    .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "4096")))).all().get();
            EventStore store = new EventStore(db.pool);
            EventMetadata meta = new EventMetadata("corr", "cause", "tester", null);
            NewEvent small = event("{\"n\": 1}");
            NewEvent large = event("{\"name\": \"" + "x".repeat(20_000) + "\"}");
            NewEvent after = event("{\"n\": 3}");
            db.pool.withTransaction(tx -> store.append(tx, "s-1", "test", "GP", 0, List.of(small), meta)
                    .chain(() -> store.append(tx, "s-2", "test", "GP", 0, List.of(large), meta))
                    .chain(() -> store.append(tx, "s-3", "test", "GP", 0, List.of(after), meta)))
                    .await().indefinitely();

            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            RelayRunner runner = new RelayRunner(db.dataSource, true, servers, "tests", topic, 1, 100,
                    Duration.ofMillis(20), Duration.ofSeconds(5), Duration.ofMillis(5), new KernelMetrics(registry),
                    OpenTelemetry.noop(), new RelayWakeUp());
            RelayHealthCheck health = new RelayHealthCheck(runner);
            runner.start(null);
            try {
                assertThat(waitFor(() -> runner.stuck() != null, 20)).as("the relay reports it is stuck").isTrue();
                HealthCheckResponse down = health.call();
                assertThat(down.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
                Map<String, Object> data = down.getData().orElseThrow();
                assertThat(data.get("stuckEvent")).isEqualTo(large.eventId().toString());
                assertThat(String.valueOf(data.get("stuckError"))).contains("RecordTooLarge");
                double stuckAt = registry.get(KernelMetrics.RELAY_STUCK).tag("relay", "tests").gauge().value();
                assertThat(stuckAt).isPositive();

                Thread.sleep(3_000); // several rounds of retries
                List<ConsumerRecord<String, byte[]>> records = all(topic, 1);
                assertThat(count(records, small)).as("acknowledged once, never sent again").isEqualTo(1);
                assertThat(count(records, large)).isZero();
                assertThat(count(records, after)).as("sent at most once while the event before it is stuck")
                        .isLessThanOrEqualTo(1);

                admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic),
                        List.of(new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "1048588"),
                                AlterConfigOp.OpType.SET)))).all().get();
                assertThat(waitFor(() -> runner.stuck() == null, 30)).as("published once the topic accepts it")
                        .isTrue();
                assertThat(waitFor(() -> health.call().getStatus() == HealthCheckResponse.Status.UP, 10)).isTrue();
                assertThat(registry.get(KernelMetrics.RELAY_STUCK).tag("relay", "tests").gauge().value()).isZero();
                records = all(topic, 3);
                assertThat(count(records, small)).isEqualTo(1);
                assertThat(count(records, large)).isEqualTo(1);
                assertThat(count(records, after)).isBetween(1L, 2L);
            } finally {
                runner.stop(null);
            }
        }
    }

    static NewEvent event(String payload) {
        return new NewEvent(UUID.randomUUID(), "Sized", 1, payload, Instant.parse("2026-11-23T10:00:00Z"));
    }

    static List<ConsumerRecord<String, byte[]>> all(String topic, int atLeast) {
        return TopicRecords.readUntil(topic, records -> false, Duration.ofSeconds(atLeast + 3)); // all it holds
    }

    static long count(List<ConsumerRecord<String, byte[]>> records, NewEvent event) {
        return records.stream().filter(r -> event.eventId().toString().equals(
                CloudEventHeaders.get(r.headers(), CloudEventHeaders.ID))).count();
    }

    static boolean waitFor(BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }
}
