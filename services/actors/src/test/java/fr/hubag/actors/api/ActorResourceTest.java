package fr.hubag.actors.api;

import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static fr.hubag.actors.api.ActorsTestSupport.as;
import static fr.hubag.actors.api.ActorsTestSupport.guadeloupeActor;
import static fr.hubag.actors.api.ActorsTestSupport.martiniqueActor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/** The census's write API as coordinators and partners use it: happy paths, retries, bad input, authorisation. */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "actors"))
class ActorResourceTest {

    @Inject
    Pool pool;

    long storedEvents() {
        return pool.query("SELECT count(*) FROM es_events").execute().await().indefinitely()
                .iterator().next().getLong(0);
    }

    String register(String token, String body) {
        return as(token).body(body).post("/api/actors").then().statusCode(201).extract().path("id");
    }

    @Test
    void aMartiniqueCoordinatorRegistersAnActorInMartinique() {
        as(TestTokens.coordinator("MQ")).body(martiniqueActor("Cyber-base de Fort-de-France"))
                .post("/api/actors")
                .then().statusCode(201)
                .header("Location", containsString("/api/actors/"))
                .header("ETag", "\"1\"")
                .body("territory", equalTo("MQ"))
                .body("kind", equalTo("epn"))
                .body("commune.inseeCode", equalTo("97209"))
                .body("version", equalTo(1));
    }

    @Test
    void theRegisteredActorCanBeReadBackWithItsVersion() {
        String id = register(TestTokens.coordinator("MQ"), martiniqueActor("Médiathèque du Lamentin"));
        as(TestTokens.of("partner", "MQ")).get("/api/actors/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("name", equalTo("Médiathèque du Lamentin"));
    }

    @Test
    void aGuadeloupeCoordinatorCannotRegisterOrReadInMartinique() {
        long before = storedEvents();
        as(TestTokens.coordinator("GP")).body(martiniqueActor("Intrus"))
                .post("/api/actors")
                .then().statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("outside-territory"));
        assertThat(storedEvents()).isEqualTo(before);

        String id = register(TestTokens.coordinator("MQ"), martiniqueActor("EPN du Robert"));
        as(TestTokens.coordinator("GP")).get("/api/actors/" + id).then().statusCode(403);
    }

    @Test
    void withoutAValidTokenTheAnswerIs401() {
        given().contentType("application/json").body(martiniqueActor("x")).post("/api/actors")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        given().header("Authorization", "Bearer not-a-jwt").contentType("application/json")
                .body(martiniqueActor("x")).post("/api/actors")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void rolesThatMayNotRegisterGet403() {
        for (String role : List.of("mediator", "partner", "analyst")) {
            as(TestTokens.of(role, "MQ")).body(martiniqueActor("x")).post("/api/actors")
                    .then().statusCode(403).contentType("application/problem+json");
        }
    }

    @Test
    void aHubAdminRegistersInAnyTerritory() {
        as(TestTokens.hubAdmin()).body(guadeloupeActor("BioDésir")).post("/api/actors")
                .then().statusCode(201).body("territory", equalTo("GP"));
    }

    @Test
    void malformedBodiesAre400ProblemsNamingTheFieldAndStoreNothing() {
        String token = TestTokens.coordinator("MQ");
        long before = storedEvents();
        as(token).body("{not json").post("/api/actors")
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("malformed-body"));
        as(token).body("{}").post("/api/actors")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("name")).body("errors.field", hasItem("kind"))
                .body("errors.field", hasItem("commune")).body("errors.field", hasItem("address"));
        as(token).body(ActorsTestSupport.actor("x", "boulangerie", "Fort-de-France", "97209", "97200"))
                .post("/api/actors").then().statusCode(400).body("errors[0].field", equalTo("kind"));
        as(token).body(ActorsTestSupport.actor("x", "epn", "Paris", "75056", "75001"))
                .post("/api/actors").then().statusCode(400).body("errors[0].field", equalTo("commune.inseeCode"));
        as(token).body(ActorsTestSupport.actor("x", "epn", "Fort-de-France", "97209", "97300"))
                .post("/api/actors").then().statusCode(400).body("errors[0].field", equalTo("commune.postcode"));
        as(token).body(martiniqueActor("x").replace("\"kind\"", "\"territory\": \"GP\", \"kind\""))
                .post("/api/actors").then().statusCode(400).body("errors[0].field", equalTo("territory"));
        as(token).body(martiniqueActor("x").replace("\"kind\"", "\"colour\": \"blue\", \"kind\""))
                .post("/api/actors").then().statusCode(400).body("detail", containsString("colour"));
        as(token).body(martiniqueActor("x").replace("\"commune\": {", "\"commune\": \"Fort-de-France\", \"c\": {"))
                .post("/api/actors").then().statusCode(400).body("errors[0].field", equalTo("commune"));
        as(token).body("").post("/api/actors").then().statusCode(400).contentType("application/problem+json");
        assertThat(storedEvents()).isEqualTo(before);
    }


    @Test
    void retryingWithTheSameIdempotencyKeyReturnsTheSameActorOnce() {
        String token = TestTokens.forSubject("coordinator-mq-1", "coordinator", "MQ");
        String key = "register-" + UUID.randomUUID();
        long before = storedEvents();
        String first = as(token).header("Idempotency-Key", key).body(martiniqueActor("Tiers-lieu du Marin"))
                .post("/api/actors").then().statusCode(201).extract().asString();
        String second = as(token).header("Idempotency-Key", key)
                .body(martiniqueActor("Tiers-lieu du Marin").replace("\n", " ")).post("/api/actors")
                .then().statusCode(201).extract().asString();
        assertThat(second).isEqualTo(first);
        assertThat(storedEvents()).isEqualTo(before + 1);

        as(token).header("Idempotency-Key", key).body(martiniqueActor("Autre lieu")).post("/api/actors")
                .then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("idempotency-key-reused"));
        assertThat(storedEvents()).isEqualTo(before + 1);
    }

    @Test
    void grantsALabelAndRefusesOverlapsUnknownActorsAndOtherTerritories() {
        String mq = TestTokens.coordinator("MQ");
        String id = register(mq, martiniqueActor("Point numérique CAF"));
        as(mq).body("{\"label\": \"APTIC\", \"validFrom\": \"2026-01-01\", \"validUntil\": \"2026-12-31\"}")
                .post("/api/actors/" + id + "/labels")
                .then().statusCode(201).header("ETag", "\"2\"")
                .body("labels[0].label", equalTo("APTIC")).body("labels[0].validUntil", equalTo("2026-12-31"));
        as(mq).body("{\"label\": \"APTIC\", \"validFrom\": \"2026-06-01\"}")
                .post("/api/actors/" + id + "/labels")
                .then().statusCode(409).body("code", equalTo("label-already-granted"));
        as(mq).body("{\"label\": \"France Services\", \"validFrom\": \"2026-12-31\", \"validUntil\": \"2026-01-01\"}")
                .post("/api/actors/" + id + "/labels")
                .then().statusCode(400).body("errors[0].field", equalTo("validUntil"));
        as(mq).body("{\"label\": \"Label rouge\", \"validFrom\": \"2026-01-01\"}")
                .post("/api/actors/" + id + "/labels")
                .then().statusCode(400).body("errors[0].field", equalTo("label"));
        as(mq).body("{\"label\": \"APTIC\", \"validFrom\": \"2026-01-01\"}")
                .post("/api/actors/" + UUID.randomUUID() + "/labels")
                .then().statusCode(404).contentType("application/problem+json");
        as(mq).body("{\"label\": \"APTIC\", \"validFrom\": \"2026-01-01\"}")
                .post("/api/actors/not-a-uuid/labels")
                .then().statusCode(400).body("errors[0].field", equalTo("id"));
        as(TestTokens.coordinator("GP")).body("{\"label\": \"France Services\", \"validFrom\": \"2027-01-01\"}")
                .post("/api/actors/" + id + "/labels")
                .then().statusCode(403).body("code", equalTo("outside-territory"));
    }

    @Test
    void concurrentGrantsAtTheSameVersionLetExactlyOneThrough() throws Exception {
        String mq = TestTokens.coordinator("MQ");
        String id = register(mq, martiniqueActor("France Services du Lorrain"));
        List<String> labels = List.of("APTIC", "France Services", "Aidants Connect", "Conseillers numériques",
                "Certification PIX", "Promeneurs du net", "Emmaüs Connect", "La Croix Rouge");
        ExecutorService threads = Executors.newFixedThreadPool(labels.size());
        List<Callable<Integer>> requests = new ArrayList<>();
        for (String label : labels) {
            requests.add(() -> as(mq).header("If-Match", "\"1\"")
                    .body("{\"label\": \"" + label + "\", \"validFrom\": \"2026-01-01\"}")
                    .post("/api/actors/" + id + "/labels").then().extract().statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> status : threads.invokeAll(requests)) {
            statuses.add(status.get());
        }
        threads.shutdown();

        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
        as(mq).get("/api/actors/" + id).then().statusCode(200).header("ETag", "\"2\"")
                .body("labels.size()", equalTo(1)).body("labels[0].label", notNullValue());
    }
}
