package fr.hubag.projection.support;

import fr.hubag.eventsourcing.relay.CloudEventHeaders;
import fr.hubag.eventsourcing.store.EventEnvelope;
import fr.hubag.eventsourcing.store.EventMetadata;
import fr.hubag.testing.EventContracts;
import fr.hubag.testing.HubInfrastructure;
import io.vertx.core.json.JsonObject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One actor's stream as the actors relay publishes it: records on actors.events keyed by the actor id, with the
 * CloudEvents headers and consecutive stream versions; each payload is first checked against its contract in
 * contracts/events, so the tests feed the projection nothing the real service could not publish.
 */
public final class ActorStream {

    public static final String TOPIC = "actors.events";
    private static final AtomicLong POSITION = new AtomicLong(1_000_000);
    private static volatile KafkaProducer<String, byte[]> producer;

    /** The latest schema version of each event type (ActorRegistered v1 only when asked for). */
    private static final Map<String, Integer> LATEST = Map.of("ActorRegistered", 2);
    private static final Set<String> KNOWN = Set.of("ActorRegistered", "ActorDetailsChanged", "ActorClosed",
            "ActorReopened", "LabelGranted", "LabelRevoked", "AidantEnrolled", "AidantTrainingCompleted",
            "AidantDeparted", "ActorsMerged");

    private final UUID actorId;
    private final String territory;
    private long version;

    public ActorStream(UUID actorId, String territory) {
        this.actorId = actorId;
        this.territory = territory;
    }

    public static ActorStream create(String territory) {
        return new ActorStream(UUID.randomUUID(), territory);
    }

    public UUID id() { return actorId; }

    public String territory() { return territory; }

    /** Publishes the next event of the stream (latest schema version); returns its event id. */
    public UUID publish(String type, JsonObject payload) {
        return publish(UUID.randomUUID(), type, LATEST.getOrDefault(type, 1), payload);
    }

    /** Publishes with a given event id and schema version (a redelivery reuses an id, an old stream has v1). */
    public UUID publish(UUID eventId, String type, int schemaVersion, JsonObject payload) {
        return send(eventId, type, schemaVersion, ++version, payload, true);
    }

    /** Publishes the very same record again, as Kafka may after a consumer failure (at-least-once). */
    public void redeliver(UUID eventId, String type, long atVersion, JsonObject payload) {
        send(eventId, type, LATEST.getOrDefault(type, 1), atVersion, payload, true);
    }

    /** Fires the next event without waiting for the broker's acknowledgement (for bulk loads). */
    public Future<?> publishAsync(String type, JsonObject payload) {
        return sendAsync(UUID.randomUUID(), type, LATEST.getOrDefault(type, 1), ++version, payload, false);
    }

    private UUID send(UUID eventId, String type, int schemaVersion, long streamVersion, JsonObject payload,
                      boolean check) {
        try {
            sendAsync(eventId, type, schemaVersion, streamVersion, payload, check).get();
            return eventId;
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish " + type, e);
        }
    }

    private Future<?> sendAsync(UUID eventId, String type, int schemaVersion, long streamVersion,
                                JsonObject payload, boolean check) {
        assertThat(KNOWN).contains(type);
        String json = payload.encode();
        if (check) {
            assertThat(EventContracts.validate(CloudEventHeaders.dataSchema("actors", type, schemaVersion), json))
                    .as("%s v%d payload against its contract: %s", type, schemaVersion, json).isEmpty();
        }
        EventEnvelope envelope = new EventEnvelope(POSITION.incrementAndGet(), eventId, actorId.toString(), "actor",
                territory, streamVersion, type, schemaVersion, json,
                new EventMetadata("corr-" + eventId, "cause", "tester", null), Instant.now(), Instant.now());
        return producer().send(new ProducerRecord<>(TOPIC, null, actorId.toString(),
                json.getBytes(StandardCharsets.UTF_8), CloudEventHeaders.of(envelope, "actors")));
    }

    private static KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            synchronized (ActorStream.class) {
                if (producer == null) {
                    producer = new KafkaProducer<>(Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, HubInfrastructure.get().bootstrapServers(),
                            ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer());
                    Runtime.getRuntime().addShutdownHook(
                            new Thread(() -> producer.close(java.time.Duration.ofSeconds(2))));
                }
            }
        }
        return producer;
    }

    public static void flush() {
        producer().flush();
    }
}
