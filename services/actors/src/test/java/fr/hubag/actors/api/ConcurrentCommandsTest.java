package fr.hubag.actors.api;

import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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

    static List<Response> race(int callers, Callable<Response> call) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Response>> futures = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            futures.add(threads.submit(() -> {
                go.await();
                return call.call();
            }));
        }
        go.countDown();
        List<Response> responses = new ArrayList<>();
        for (Future<Response> future : futures) {
            responses.add(future.get());
        }
        threads.shutdown();
        return responses;
    }

    static String enrolment(int i) {
        return "{\"name\": \"Aidant " + i + "\", \"role\": \"conseiller_numerique\", \"enrolledOn\": \"2025-01-06\"}";
    }

    @Test
    void sixtyFourSimultaneousEnrolmentsOnOneActorAreAllEnrolled() throws Exception {
        String mq = TestTokens.coordinator("MQ");
        String id = as(mq).body(martiniqueActor("Tiers-lieu très demandé")).post("/api/actors")
                .then().statusCode(201).extract().path("id");
        int[] n = {0};

        List<Response> responses = race(64, () -> {
            int i;
            synchronized (n) { i = n[0]++; }
            return as(mq).body(enrolment(i)).post("/api/actors/" + id + "/aidants");
        });

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

        List<Response> responses = race(16, () -> as(mq)
                .body("{\"label\": \"APTIC\", \"validFrom\": \"2025-01-01\"}").post("/api/actors/" + id + "/labels"));

        assertThat(responses).filteredOn(r -> r.statusCode() == 201).hasSize(1);
        // the others were decided on the state where the label is held: the domain's refusal, not a transport race
        assertThat(responses).filteredOn(r -> r.statusCode() != 201).hasSize(15)
                .allSatisfy(r -> assertThat((String) r.path("code")).isNotEqualTo("concurrent-modification"));
    }

    @Test
    void withIfMatchTheLosersOfTheRaceGetAConflict() throws Exception {
        String mq = TestTokens.coordinator("MQ");
        String id = as(mq).body(martiniqueActor("Médiathèque")).post("/api/actors")
                .then().statusCode(201).extract().path("id");
        int[] n = {0};

        List<Response> responses = race(8, () -> {
            int i;
            synchronized (n) { i = n[0]++; }
            return as(mq).header("If-Match", "\"1\"").body(enrolment(i)).post("/api/actors/" + id + "/aidants");
        });

        assertThat(responses).filteredOn(r -> r.statusCode() == 201).hasSize(1);
        assertThat(responses).filteredOn(r -> r.statusCode() == 409).hasSize(7)
                .allSatisfy(r -> assertThat((String) r.path("code")).isEqualTo("concurrent-modification"));
    }
}
