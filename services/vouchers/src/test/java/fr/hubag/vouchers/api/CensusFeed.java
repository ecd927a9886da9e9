package fr.hubag.vouchers.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.hubag.eventsourcing.relay.CloudEventHeaders;
import fr.hubag.eventsourcing.store.EventEnvelope;
import fr.hubag.eventsourcing.store.EventMetadata;
import fr.hubag.testing.EventContracts;
import fr.hubag.testing.HubInfrastructure;
import fr.hubag.vouchers.domain.ActorFacts;
import fr.hubag.vouchers.infra.Census;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The census as the actors service publishes it on actors.events (CloudEvents headers, payloads checked against their
 * schemas), for the vouchers service's consumer; and a wait until the vouchers service has applied it.
 */
final class CensusFeed {

    private static final Map<UUID, Long> VERSIONS = new ConcurrentHashMap<>();
    private static KafkaProducer<String, byte[]> producer;

    private CensusFeed() {}

    static void registered(UUID actorId, String territory, String inseeCode) {
        ObjectNode payload = EventContracts.examples("actors", "ActorRegistered", 2).get(1).deepCopy();
        payload.put("actorId", actorId.toString()).put("territory", territory);
        String postcode = Map.of("GP", "97110", "MQ", "97200", "GF", "97300", "MF", "97150").get(territory);
        payload.with("place").with("commune").put("inseeCode", inseeCode).put("postcode", postcode);
        publish(actorId, territory, "ActorRegistered", 2, payload);
    }

    static void aptic(UUID actorId, String territory, LocalDate from, LocalDate until) {
        aptic(UUID.randomUUID(), actorId, territory, from, until);
    }

    /** The same grant under a given event id: publishing it twice is Kafka's redelivery. */
    static void aptic(UUID eventId, UUID actorId, String territory, LocalDate from, LocalDate until) {
        ObjectNode payload = EventContracts.examples("actors", "LabelGranted", 1).get(0).deepCopy();
        payload.put("actorId", actorId.toString()).put("label", "APTIC").put("validFrom", from.toString());
        if (until == null) {
            payload.putNull("validUntil");
        } else {
            payload.put("validUntil", until.toString());
        }
        publish(eventId, actorId, territory, "LabelGranted", 1, payload);
    }

    static void revoked(UUID actorId, String territory, LocalDate effectiveOn) {
        ObjectNode payload = EventContracts.examples("actors", "LabelRevoked", 1).get(0).deepCopy();
        payload.put("actorId", actorId.toString()).put("label", "APTIC").put("effectiveOn", effectiveOn.toString());
        publish(actorId, territory, "LabelRevoked", 1, payload);
    }

    static void closed(UUID actorId, String territory, LocalDate closedOn) {
        ObjectNode payload = EventContracts.examples("actors", "ActorClosed", 1).get(0).deepCopy();
        payload.put("actorId", actorId.toString()).put("closedOn", closedOn.toString());
        publish(actorId, territory, "ActorClosed", 1, payload);
    }

    static void reopened(UUID actorId, String territory, LocalDate reopenedOn) {
        ObjectNode payload = EventContracts.examples("actors", "ActorReopened", 1).get(0).deepCopy();
        payload.put("actorId", actorId.toString()).put("reopenedOn", reopenedOn.toString());
        publish(actorId, territory, "ActorReopened", 1, payload);
    }

    /** A merge as the census publishes it: one copy on each stream; the absorbed actor held APTIC from {@code from}. */
    static void merged(UUID survivor, UUID absorbed, String territory, LocalDate from) {
        for (UUID stream : new UUID[] {absorbed, survivor}) {
            ObjectNode payload = EventContracts.examples("actors", "ActorsMerged", 1).get(0).deepCopy();
            payload.put("actorId", stream.toString()).put("survivorActorId", survivor.toString())
                    .put("absorbedActorId", absorbed.toString());
            payload.putArray("absorbedAidants");
            payload.putArray("absorbedLabels").addObject().put("label", "APTIC").put("validFrom", from.toString())
                    .putNull("validUntil");
            publish(stream, territory, "ActorsMerged", 1, payload);
        }
    }

    /** A new actor of the commune, labelled APTIC since 1 January 2026, once the vouchers service knows it. */
    static UUID labelled(Census census, String territory, String inseeCode) {
        UUID actor = UUID.randomUUID();
        registered(actor, territory, inseeCode);
        aptic(actor, territory, LocalDate.of(2026, 1, 1), null);
        awaitFacts(census, actor, f -> !f.aptic().isEmpty());
        return actor;
    }

    /** Waits until the vouchers service knows the actor as {@code expected} says. */
    static ActorFacts awaitFacts(Census census, UUID actorId, Predicate<ActorFacts> expected) {
        Instant deadline = Instant.now().plusSeconds(30);
        ActorFacts facts = census.facts(actorId).await().atMost(Duration.ofSeconds(5));
        while (!expected.test(facts) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            facts = census.facts(actorId).await().atMost(Duration.ofSeconds(5));
        }
        assertThat(expected.test(facts)).as("census facts of %s: %s", actorId, facts).isTrue();
        return facts;
    }

    private static void publish(UUID actorId, String territory, String type, int version, ObjectNode payload) {
        publish(UUID.randomUUID(), actorId, territory, type, version, payload);
    }

    private static void publish(UUID eventId, UUID actorId, String territory, String type, int version,
                                ObjectNode payload) {
        String json = payload.toString();
        assertThat(EventContracts.validate(CloudEventHeaders.dataSchema("actors", type, version), json))
                .as("%s: %s", type, json).isEmpty();
        long streamVersion = VERSIONS.merge(actorId, 1L, Long::sum);
        EventEnvelope envelope = new EventEnvelope(streamVersion, eventId, actorId.toString(), "actor", territory,
                streamVersion, type, version, json, new EventMetadata("corr-" + eventId, "cause", "tester", null),
                Instant.now(), Instant.now());
        try {
            producer().send(new ProducerRecord<>("actors.events", null, actorId.toString(),
                    json.getBytes(StandardCharsets.UTF_8), CloudEventHeaders.of(envelope, "actors"))).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish " + type, e);
        }
    }

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    HubInfrastructure.get().bootstrapServers()), new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }
}
