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
        String id = as(token).header("X-Correlation-Id", "contract-test-1").body(martiniqueActor("Espace numérique"))
                .post("/api/actors").then().statusCode(201).extract().path("id");
        as(token).body("{\"label\": \"Point d'accès numérique CAF\", \"validFrom\": \"2026-01-01\"}")
                .post("/api/actors/" + id + "/labels").then().statusCode(201);

        List<ConsumerRecord<String, byte[]>> mine = TopicRecords.readUntil("actors.events",
                        records -> records.stream().filter(r -> id.equals(r.key())).count() >= 2, Duration.ofSeconds(20))
                .stream().filter(r -> id.equals(r.key())).toList();

        assertThat(mine).extracting(r -> CloudEventHeaders.get(r.headers(), "ce_type"))
                .containsExactly("hubag.actors.ActorRegistered", "hubag.actors.LabelGranted");
        for (ConsumerRecord<String, byte[]> record : mine) {
            String schema = CloudEventHeaders.get(record.headers(), "ce_dataschema");
            String payload = new String(record.value(), StandardCharsets.UTF_8);
            assertThat(EventContracts.validate(schema, payload)).as("%s against %s", payload, schema).isEmpty();
            assertThat(CloudEventHeaders.get(record.headers(), "ce_territory")).isEqualTo("MQ");
            assertThat(CloudEventHeaders.get(record.headers(), "ce_subject")).isEqualTo(id);
            assertThat(CloudEventHeaders.get(record.headers(), "ce_source")).isEqualTo("/hubag/actors");
        }
        assertThat(CloudEventHeaders.get(mine.get(0).headers(), "ce_correlationid")).isEqualTo("contract-test-1");
    }

    @Test
    void theSchemasRejectWhatTheyShould() {
        String schema = "urn:hubag:schema:actors:ActorRegistered:1";
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
