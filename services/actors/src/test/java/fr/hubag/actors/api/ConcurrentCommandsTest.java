package fr.hubag.actors.api;

import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.Race;
import fr.hubag.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static fr.hubag.actors.api.ActorsTestSupport.as;
import static fr.hubag.actors.api.ActorsTestSupport.martiniqueActor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real concurrent HTTP requests on one actor's stream. Without If-Match every caller gets the domain's answer (a
 * lost race is decided again on the new state); with If-Match the losers get the 409 they asked for.
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "actors"))
class ConcurrentCommandsTest {

    @Inject
    Pool pool;

    /** Every caller got an HTTP answer (a transport failure would be a test failure here). */
    static List<Response> responses(List<Object> answers) {
        return answers.stream().map(answer -> {
            if (answer instanceof Exception e) {
                throw new AssertionError("a caller got no answer", e);
            }
            return (Response) answer;
        }).toList();
    }

    static String enrolment(int i) {
        return "{\"name\": \"Aidant " + i + "\", \"role\": \"conseiller_numerique\", \"enrolledOn\": \"2025-01-06\"}";
    }

    @Test
    void sixtyFourSimultaneousEnrolmentsOnOneActorAreAllEnrolled() throws Exception {
        String mq = TestTokens.coordinator("MQ");
        String id = as(mq).body(martiniqueActor("Tiers-lieu très demandé")).post("/api/actors")
                .then().statusCode(201).extract().path("id");
        List<Response> responses = responses(Race.of(64, caller ->
                as(mq).body(enrolment(caller)).post("/api/actors/" + id + "/aidants")));

        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).as(r.asString()).isEqualTo(201));
        List<String> aidants = as(mq).get("/api/actors/" + id).then().statusCode(200)
                .header("ETag", "\"65\"").extract().path("aidants.name");
        assertThat(aidants).hasSize(64).doesNotHaveDuplicates();
    }

    @Test
    void theSameLabelGrantedSixteenTimesAtOnceIsGrantedOnceAndTheOthersAreToldWhy() throws Exception {
        String mq = TestTokens.coordinator("MQ");
        String id = as(mq).body(martiniqueActor("Espace public numérique convoité")).post("/api/actors")
                .then().statusCode(201).extract().path("id");

        List<Response> responses = responses(Race.of(16, caller -> as(mq)
                .body("{\"label\": \"APTIC\", \"validFrom\": \"2025-01-01\"}").post("/api/actors/" + id + "/labels")));

        assertThat(responses).filteredOn(r -> r.statusCode() == 201).hasSize(1);
        // the others were decided on the state where the label is held: the domain's refusal, not a transport race
        assertThat(responses).filteredOn(r -> r.statusCode() != 201).hasSize(15)
                .allSatisfy(r -> assertThat((String) r.path("code")).isNotEqualTo("concurrent-modification"));
    }

    @Test
    void oneRegistrationSentThirtyTwoTimesAtOnceWithItsKeyRegistersOnePlaceAndAnswersAllAlike() throws Exception {
        // each copy is decided on its own new id and appended with the key: one append wins, the others fail on the
        // key and are answered from it (CommandExecutor.create), byte for byte
        String mq = TestTokens.coordinator("MQ");
        String key = "retried-" + UUID.randomUUID();
        String name = "Fablab rejoué " + key;
        List<Response> responses = responses(Race.of(32, caller -> as(mq).header("Idempotency-Key", key)
                .body(martiniqueActor(name)).post("/api/actors")));

        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).as(r.asString()).isEqualTo(201));
        assertThat(responses.stream().map(Response::asString).distinct()).hasSize(1);
        assertThat(pool.preparedQuery("SELECT count(*) FROM es_events WHERE payload->'place'->>'name' = $1")
                .execute(Tuple.of(name)).await().indefinitely().iterator().next().getLong(0)).isEqualTo(1);
    }

    @Test
    void withIfMatchTheLosersOfTheRaceGetAConflict() throws Exception {
        String mq = TestTokens.coordinator("MQ");
        String id = as(mq).body(martiniqueActor("Médiathèque")).post("/api/actors")
                .then().statusCode(201).extract().path("id");
        List<Response> responses = responses(Race.of(8, caller -> as(mq).header("If-Match", "\"1\"")
                .body(enrolment(caller)).post("/api/actors/" + id + "/aidants")));

        assertThat(responses).filteredOn(r -> r.statusCode() == 201).hasSize(1);
        assertThat(responses).filteredOn(r -> r.statusCode() == 409).hasSize(7)
                .allSatisfy(r -> assertThat((String) r.path("code")).isEqualTo("concurrent-modification"));
    }
}
