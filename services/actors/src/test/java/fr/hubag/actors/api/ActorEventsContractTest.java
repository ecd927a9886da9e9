package fr.hubag.actors.api;

import fr.hubag.eventsourcing.relay.CloudEventHeaders;
import fr.hubag.testing.EventContracts;
import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.TestTokens;
import fr.hubag.testing.TopicRecords;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static fr.hubag.actors.api.ActorsTestSupport.as;
import static fr.hubag.actors.api.ActorsTestSupport.martiniqueActor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rule 3: what the actors service really publishes on Kafka — through its relay, to a real broker — validates
 * against the JSON Schemas in contracts/events, with the CloudEvents headers analysts rely on.
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "actors"))
class ActorEventsContractTest {

    @Test
    void everyPublishedEventMatchesItsSchemaAndCarriesItsHeaders() {
        String token = TestTokens.coordinator("MQ");
        String id = as(token).header("X-Correlation-Id", "contract-test-1")
                .body(martiniqueActor("Espace numérique", "\"phone\": \"0596 60 00 00\", \"latitude\": 14.6, "
                        + "\"longitude\": -61.07, \"programmes\": [\"Conseillers numériques\"]"))
                .post("/api/actors").then().statusCode(201).extract().path("id");
        String other = as(token).body(martiniqueActor("Espace numérique bis")).post("/api/actors")
                .then().statusCode(201).extract().path("id");
        as(token).body(martiniqueActor("Espace numérique (FdF)")).put("/api/actors/" + id).then().statusCode(200);
        as(token).body("{\"label\": \"Point d'accès numérique CAF\", \"validFrom\": \"2026-01-01\"}")
                .post("/api/actors/" + id + "/labels").then().statusCode(201);
        as(token).body("{\"label\": \"Point d'accès numérique CAF\", \"effectiveOn\": \"2026-06-01\", "
                + "\"reason\": \"fin de convention\"}").post("/api/actors/" + id + "/labels/revocations")
                .then().statusCode(200);
        String aidant = as(token).body("{\"name\": \"Léa M.\", \"role\": \"aidant_connect\", "
                        + "\"enrolledOn\": \"2026-01-05\"}").post("/api/actors/" + id + "/aidants")
                .then().statusCode(201).extract().header("Aidant-Id");
        as(token).body("{\"title\": \"Habilitation Aidants Connect\", \"provider\": \"ANCT\", \"hours\": 7.5, "
                + "\"completedOn\": \"2026-02-01\"}").post("/api/actors/" + id + "/aidants/" + aidant + "/trainings")
                .then().statusCode(201);
        as(token).body("{\"departedOn\": \"2026-09-30\"}").post("/api/actors/" + id + "/aidants/" + aidant
                + "/departure").then().statusCode(200);
        as(token).body("{\"closedOn\": \"2026-10-01\", \"reason\": \"travaux\"}")
                .post("/api/actors/" + id + "/closure").then().statusCode(200);
        as(token).body("{\"reopenedOn\": \"2026-10-15\"}").post("/api/actors/" + id + "/reopening")
                .then().statusCode(200);
        as(token).body("{\"absorbedActorId\": \"" + other + "\"}").post("/api/actors/" + id + "/merges")
                .then().statusCode(200);

        List<ConsumerRecord<String, byte[]>> mine = TopicRecords.readUntil("actors.events",
                        records -> records.stream().filter(r -> id.equals(r.key())).count() >= 10
                                && records.stream().filter(r -> other.equals(r.key())).count() >= 2,
                        Duration.ofSeconds(20))
                .stream().filter(r -> id.equals(r.key()) || other.equals(r.key())).toList();

        assertThat(mine.stream().filter(r -> id.equals(r.key())))
                .extracting(r -> CloudEventHeaders.get(r.headers(), "ce_type"))
                .containsExactly("hubag.actors.ActorRegistered", "hubag.actors.ActorDetailsChanged",
                        "hubag.actors.LabelGranted", "hubag.actors.LabelRevoked", "hubag.actors.AidantEnrolled",
                        "hubag.actors.AidantTrainingCompleted", "hubag.actors.AidantDeparted",
                        "hubag.actors.ActorClosed", "hubag.actors.ActorReopened", "hubag.actors.ActorsMerged");
        for (ConsumerRecord<String, byte[]> record : mine) {
            String schema = CloudEventHeaders.get(record.headers(), "ce_dataschema");
            String payload = new String(record.value(), StandardCharsets.UTF_8);
            assertThat(EventContracts.validate(schema, payload)).as("%s against %s", payload, schema).isEmpty();
            assertThat(CloudEventHeaders.get(record.headers(), "ce_territory")).isEqualTo("MQ");
            assertThat(CloudEventHeaders.get(record.headers(), "ce_source")).isEqualTo("/hubag/actors");
        }
        assertThat(mine.stream().filter(r -> other.equals(r.key()))
                .map(r -> CloudEventHeaders.get(r.headers(), "ce_type")))
                .containsExactly("hubag.actors.ActorRegistered", "hubag.actors.ActorsMerged");
        ConsumerRecord<String, byte[]> registered = mine.stream().filter(r -> id.equals(r.key())).findFirst().orElseThrow();
        assertThat(CloudEventHeaders.get(registered.headers(), "ce_correlationid")).isEqualTo("contract-test-1");
    }

    @Test
    void theSchemasRejectWhatTheyShould() {
        String schema = "urn:hubag:schema:actors:ActorRegistered:1";
        assertThat(EventContracts.validate("urn:hubag:schema:actors:ActorRegistered:2", """
                {"actorId": "7f1b7a51-0a4c-4a4e-9d1e-0a6f4f5e2a10", "territory": "MQ", "occurredAt": "2026-11-23T10:00:00Z",
                 "place": {"name": "x", "pivot": "21972013500017", "pivotUnknown": false, "address": "x",
                   "commune": {"name": "Fort-de-France", "inseeCode": "97209", "postcode": "97200"},
                   "updatedOn": "2026-11-01", "phone": "+33596000000"}}""")).isNotEmpty();
        assertThat(EventContracts.validate(schema, """
                {"actorId": "7f1b7a51-0a4c-4a4e-9d1e-0a6f4f5e2a10", "name": "x", "kind": "epn", "territory": "RE",
                 "commune": {"name": "Saint-Denis", "inseeCode": "97411", "postcode": "97400"}, "address": "x",
                 "occurredAt": "2026-11-23T10:00:00Z"}""")).isNotEmpty();
        assertThat(EventContracts.validate(schema, """
                {"actorId": "7f1b7a51-0a4c-4a4e-9d1e-0a6f4f5e2a10", "name": "x", "kind": "epn", "territory": "MQ",
                 "commune": {"name": "Fort-de-France", "inseeCode": "97209", "postcode": "97200"}, "address": "x",
                 "occurredAt": "2026-11-23T10:00:00Z", "phone": "+596596000000"}""")).isNotEmpty();
    }
}
