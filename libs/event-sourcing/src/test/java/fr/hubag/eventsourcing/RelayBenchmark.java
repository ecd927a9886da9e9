package fr.hubag.eventsourcing;

import fr.hubag.eventsourcing.relay.EventRelay;
import fr.hubag.eventsourcing.relay.RelaySettings;
import fr.hubag.eventsourcing.store.EventMetadata;
import fr.hubag.eventsourcing.store.EventStore;
import fr.hubag.eventsourcing.store.NewEvent;
import fr.hubag.testing.HubInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Prints the append rate of the event store and the publish rate of the relay on this machine, against the same
 * embedded PostgreSQL and in-JVM broker as the tests. Opt-in (not part of the suite): see docs/benchmarks.md.
 * {@code ./hub test -pl libs/event-sourcing -Dtest=RelayBenchmark -Dhub.bench=true -Dhub.bench.events=50000}
 */
class RelayBenchmark {

    @Test
    void relayPublishRate() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("hub.bench"), "benchmark: run with -Dhub.bench=true");
        int events = Integer.getInteger("hub.bench.events", 50_000);
        int perStream = 10;
        try (KernelFixture db = new KernelFixture();
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, HubInfrastructure.get().bootstrapServers(),
                     ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                     ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer())) {
            EventStore store = new EventStore(db.pool);
            EventMetadata meta = new EventMetadata("bench", "bench", "bench", null);
            String payload = "{\"actorId\":\"" + UUID.randomUUID() + "\",\"name\":\"Espace numérique de Cayenne\","
                    + "\"kind\":\"epn\",\"territory\":\"GF\",\"commune\":{\"name\":\"Cayenne\",\"inseeCode\":\"97302\","
                    + "\"postcode\":\"97300\"},\"address\":\"1 place des Palmistes\",\"occurredAt\":\"2026-11-23T10:00:00Z\"}";
            long appendStart = System.nanoTime();
            for (int s = 0; s < events / perStream; s++) {
                List<NewEvent> batch = new ArrayList<>(perStream);
                for (int i = 0; i < perStream; i++) {
                    batch.add(new NewEvent(UUID.randomUUID(), "ActorRegistered", 1, payload, Instant.now()));
                }
                String stream = UUID.randomUUID().toString();
                db.pool.withTransaction(tx -> store.append(tx, stream, "actor", "GF", 0, batch, meta))
                        .await().indefinitely();
            }
            double appendSeconds = (System.nanoTime() - appendStart) / 1e9;

            String topic = "bench-" + UUID.randomUUID();
            EventRelay relay = new EventRelay(db.dataSource, producer,
                    new RelaySettings("bench", topic, "bench", 500, Duration.ofMillis(10)));
            long relayStart = System.nanoTime();
            int published = 0;
            int batch;
            while ((batch = relay.publishBatch()) > 0) {
                published += batch;
            }
            double relaySeconds = (System.nanoTime() - relayStart) / 1e9;
            System.out.printf("%n[bench] event store append: %d events in %d transactions of %d, %.1f s, %.0f events/s%n",
                    events, events / perStream, perStream, appendSeconds, events / appendSeconds);
            System.out.printf("[bench] relay: %d events published to Kafka (acks=all, idempotent, batches of 500) "
                    + "in %.1f s, %.0f events/s%n%n", published, relaySeconds, published / relaySeconds);
        }
    }
}
