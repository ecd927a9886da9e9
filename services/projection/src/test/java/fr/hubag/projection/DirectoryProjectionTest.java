package fr.hubag.projection;

import fr.hubag.eventsourcing.relay.CloudEventHeaders;
import fr.hubag.eventsourcing.store.EventEnvelope;
import fr.hubag.eventsourcing.store.EventMetadata;
import fr.hubag.testing.EventContracts;
import fr.hubag.testing.HubInfrastructure;
import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static fr.hubag.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The directory read models, fed by real records on the actors' topic: each territory sees only its own actors,
 * the hub sees all, a redelivered event changes nothing, and reads follow the role × territory rules.
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "projection"))
class DirectoryProjectionTest {

    static KafkaProducer<String, byte[]> producer;
    static long position = 1_000;

    @BeforeAll
    static void connect() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                HubInfrastructure.get().bootstrapServers()), new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void disconnect() { producer.close(); }

    /** Publishes an event exactly as the actors relay does, after checking it against its contract. */
    static UUID publish(UUID eventId, String actorId, String territory, long version, String type, String payload)
            throws Exception {
        assertThat(EventContracts.validate(CloudEventHeaders.dataSchema("actors", type, 1), payload)).isEmpty();
        EventEnvelope envelope = new EventEnvelope(++position, eventId, actorId, "actor", territory, version, type, 1,
                payload, new EventMetadata("corr", "cause", "tester", null), Instant.now(), Instant.now());
        producer.send(new ProducerRecord<>("actors.events", null, actorId, payload.getBytes(StandardCharsets.UTF_8),
                CloudEventHeaders.of(envelope, "actors"))).get();
        return eventId;
    }

    static String registered(String actorId, String name, String territory, String commune, String insee,
                             String postcode) {
        return """
                {"actorId": "%s", "name": "%s", "kind": "epn", "territory": "%s",
                 "commune": {"name": "%s", "inseeCode": "%s", "postcode": "%s"}, "address": "1 rue de la Liberté",
                 "occurredAt": "2026-11-23T12:00:00Z"}""".formatted(actorId, name, territory, commune, insee, postcode);
    }

    static String labelGranted(String actorId, String label, String from, String until) {
        return """
                {"actorId": "%s", "label": "%s", "validFrom": "%s", "validUntil": %s,
                 "occurredAt": "2026-11-23T12:05:00Z"}""".formatted(actorId, label, from,
                until == null ? "null" : "\"" + until + "\"");
    }

    static ValidatableResponse directory(String token, String path) {
        return given().header("Authorization", bearer(token)).get(path).then();
    }

    /** Polls until the directory answer satisfies the condition (the projection is eventually consistent). */
    static ValidatableResponse await(String token, String path, Predicate<ValidatableResponse> done) {
        long deadline = System.currentTimeMillis() + 15_000;
        ValidatableResponse response = directory(token, path);
        while (!done.test(response) && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            response = directory(token, path);
        }
        return response;
    }

    static int total(ValidatableResponse response) {
        return response.extract().path("total");
    }

    @Test
    void anActorAppearsInItsTerritoryAndTheHubViewButNotInAnother() throws Exception {
        String id = UUID.randomUUID().toString();
        String name = "Cyber-case " + id.substring(0, 8);
        publish(UUID.randomUUID(), id, "MQ", 1, "ActorRegistered",
                registered(id, name, "MQ", "Le Lamentin", "97213", "97232"));

        await(TestTokens.coordinator("MQ"), "/api/projection/territories/MQ/actors?q=" + name,
                r -> total(r) == 1)
                .statusCode(200).body("total", equalTo(1)).body("items[0].commune.inseeCode", equalTo("97213"))
                .body("view", equalTo("MQ"));
        directory(TestTokens.coordinator("GP"), "/api/projection/territories/GP/actors?q=" + name)
                .statusCode(200).body("total", equalTo(0));
        directory(TestTokens.hubAdmin(), "/api/projection/hub/actors?q=" + name)
                .statusCode(200).body("total", equalTo(1)).body("items[0].territory", equalTo("MQ"));
    }

    @Test
    void aRedeliveredEventIsAppliedOnceAndLabelsAnswerOnADate() throws Exception {
        String id = UUID.randomUUID().toString();
        String name = "Guyaclic " + id.substring(0, 8);
        publish(UUID.randomUUID(), id, "GF", 1, "ActorRegistered",
                registered(id, name, "GF", "Cayenne", "97302", "97300"));
        UUID grant = UUID.randomUUID();
        String payload = labelGranted(id, "APTIC", "2026-01-01", "2026-06-30");
        publish(grant, id, "GF", 2, "LabelGranted", payload);
        publish(grant, id, "GF", 2, "LabelGranted", payload); // at-least-once: the same event again

        String gf = TestTokens.coordinator("GF");
        String path = "/api/projection/territories/GF/actors?q=" + name;
        await(gf, path, r -> total(r) == 1 && r.extract().path("items[0].labels.size()").equals(1))
                .body("items[0].labels.size()", equalTo(1))
                .body("items[0].labels[0].label", equalTo("APTIC"));
        directory(gf, path + "&label=APTIC&on=2026-03-01").body("total", equalTo(1));
        directory(gf, path + "&label=APTIC&on=2026-07-01").body("total", equalTo(0));
    }

    @Test
    void readsFollowTheRoleAndTerritoryRules() {
        directory(TestTokens.coordinator("GP"), "/api/projection/territories/MQ/actors")
                .statusCode(403).contentType("application/problem+json").body("code", equalTo("outside-territory"));
        directory(TestTokens.of("partner", "MQ"), "/api/projection/territories/MQ/actors").statusCode(200);
        directory(TestTokens.of("analyst", "MQ"), "/api/projection/territories/MQ/actors").statusCode(403);
        directory(TestTokens.coordinator("MQ"), "/api/projection/hub/actors").statusCode(403);
        given().get("/api/projection/territories/MQ/actors").then().statusCode(401)
                .contentType("application/problem+json");
        directory(TestTokens.hubAdmin(), "/api/projection/territories/RE/actors")
                .statusCode(400).body("errors[0].field", equalTo("territory"));
        directory(TestTokens.coordinator("MQ"), "/api/projection/territories/MQ/actors?on=yesterday")
                .statusCode(400).body("errors[0].field", equalTo("on"));
        directory(TestTokens.coordinator("MQ"), "/api/projection/territories/MQ/actors?limit=0")
                .statusCode(400).body("errors[0].field", equalTo("limit"));
    }

    @Test
    void theServedOpenApiIsTheCommittedContract() {
        fr.hubag.testing.OpenApiContract.assertMatchesCommitted("projection");
    }

}
