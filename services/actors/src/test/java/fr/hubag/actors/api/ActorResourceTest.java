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
import static fr.hubag.actors.api.ActorsTestSupport.place;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

/** The census's write API as coordinators use it: registering places of the standard, bad input, retries, roles. */
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
    void aMartiniqueCoordinatorRegistersAPlaceOfTheStandard() {
        as(TestTokens.coordinator("MQ"))
                .body(martiniqueActor("Cyber-base de Fort-de-France", "\"phone\": \"+33 5 96 60 00 00\", "
                        + "\"latitude\": 14.6037, \"longitude\": -61.0730"))
                .post("/api/actors")
                .then().statusCode(201)
                .header("Location", containsString("/api/actors/"))
                .header("ETag", "\"1\"")
                .body("territory", equalTo("MQ"))
                .body("status", equalTo("open"))
                .body("place.phone", equalTo("+596596600000"))
                .body("place.commune.inseeCode", equalTo("97209"))
                .body("place.services", hasItem("Aide aux démarches administratives"))
                .body("version", equalTo(1));
    }

    @Test
    void theThreeWaysOfWritingAMartiniquePhoneGiveOneNumber() {
        String mq = TestTokens.coordinator("MQ");
        for (String phone : List.of("0596 60 00 01", "+33 5 96 60 00 01", "+596596600001")) {
            as(mq).body(martiniqueActor("EPN " + phone, "\"phone\": \"" + phone + "\"")).post("/api/actors")
                    .then().statusCode(201).body("place.phone", equalTo("+596596600001"));
        }
    }

    @Test
    void theRegisteredActorCanBeReadBackWithItsVersion() {
        String id = register(TestTokens.coordinator("MQ"), martiniqueActor("Médiathèque du Lamentin"));
        as(TestTokens.of("partner", "MQ")).get("/api/actors/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("place.name", equalTo("Médiathèque du Lamentin"));
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
        as(TestTokens.hubAdmin()).body(place("ANIS", "Saint-Martin", "97801", "97150", "")).post("/api/actors")
                .then().statusCode(201).body("territory", equalTo("MF"));
    }

    @Test
    void malformedBodiesAre400ProblemsNamingTheFieldAndStoreNothing() {
        String token = TestTokens.coordinator("MQ");
        long before = storedEvents();
        as(token).body("{not json").post("/api/actors")
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("malformed-body"));
        as(token).body("{}").post("/api/actors")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("name", "pivot", "commune.name", "commune.postcode", "address"));
        as(token).body(martiniqueActor("x", "\"phone\": \"0590 82 00 00\"")).post("/api/actors")
                .then().statusCode(400).body("errors[0].field", equalTo("phone"))
                .body("errors[0].message", containsString("Martinique"));
        as(token).body(martiniqueActor("x").replace("21972013500017", "21972013500018")).post("/api/actors")
                .then().statusCode(400).body("errors[0].field", equalTo("pivot"));
        as(token).body(martiniqueActor("x").replace("21972013500017", "00000000000000")).post("/api/actors")
                .then().statusCode(400).body("errors[0].field", equalTo("pivot"));
        as(token).body(martiniqueActor("x").replace("\"Seniors\"", "\"Retraités\"")).post("/api/actors")
                .then().statusCode(400).body("errors[0].field", equalTo("publics"));
        as(token).body(martiniqueActor("x").replace("Mo-Fr 08:00-12:00,14:00-17:00", "lundi 9h-12h"))
                .post("/api/actors").then().statusCode(400).body("errors[0].field", equalTo("openingHours"));
        as(token).body(place("x", "Paris", "75056", "75001", "")).post("/api/actors")
                .then().statusCode(400).body("errors.field", hasItem("commune.inseeCode"));
        as(token).body(place("x", "Fort-de-France", "97209", "97232", "")).post("/api/actors")
                .then().statusCode(400).body("errors.field", hasItem("commune.postcode"));
        as(token).body(martiniqueActor("x", "\"latitude\": 48.85, \"longitude\": 2.35")).post("/api/actors")
                .then().statusCode(400).body("errors[0].field", equalTo("latitude"));
        as(token).body(martiniqueActor("x", "\"colour\": \"blue\"")).post("/api/actors")
                .then().statusCode(400).body("detail", containsString("colour"));
        as(token).body("").post("/api/actors").then().statusCode(400).contentType("application/problem+json");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void anUnknownPivotIsAcceptedOnlyWhenSaidSo() {
        as(TestTokens.coordinator("MQ"))
                .body(martiniqueActor("Lieu sans SIRET", "\"pivotUnknown\": true").replace("21972013500017",
                        "00000000000000"))
                .post("/api/actors").then().statusCode(201).body("place.pivotUnknown", equalTo(true));
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
    void changingDetailsKeepsTheTerritoryAndTheSamePlaceChangesNothing() {
        String mq = TestTokens.coordinator("MQ");
        String id = register(mq, martiniqueActor("EPN de Case-Pilote"));
        as(mq).body(place("EPN de Case-Pilote", "Case-Pilote", "97205", "97222", "")).put("/api/actors/" + id)
                .then().statusCode(200).header("ETag", "\"2\"").body("place.commune.name", equalTo("Case-Pilote"));
        long before = storedEvents();
        as(mq).body(place("EPN de Case-Pilote", "Case-Pilote", "97205", "97222", "")).put("/api/actors/" + id)
                .then().statusCode(200).header("ETag", "\"2\"");
        assertThat(storedEvents()).isEqualTo(before);
        as(TestTokens.hubAdmin()).body(guadeloupeActor("EPN de Case-Pilote")).put("/api/actors/" + id)
                .then().statusCode(422).body("code", equalTo("territory-change"));
        as(mq).header("If-Match", "\"1\"").body(martiniqueActor("Renamed")).put("/api/actors/" + id)
                .then().statusCode(409);
    }

    @Test
    void aMediatorUpdatesTheHoursAndServicesOfTheirOwnActorOnly() {
        String mq = TestTokens.coordinator("MQ");
        String mine = register(mq, martiniqueActor("EPN du Marin"));
        String other = register(mq, martiniqueActor("EPN du Vauclin"));
        String body = "{\"openingHours\": \"Tu-Sa 09:00-13:00\", \"services\": [\"Loisirs et créations numériques\"]}";
        as(TestTokens.mediatorAt("MQ", mine)).body(body).put("/api/actors/" + mine + "/hours-and-services")
                .then().statusCode(200).body("place.openingHours", equalTo("Tu-Sa 09:00-13:00"))
                .body("place.services", equalTo(List.of("Loisirs et créations numériques")))
                .body("place.name", equalTo("EPN du Marin"));
        as(TestTokens.mediatorAt("MQ", mine)).body(body).put("/api/actors/" + other + "/hours-and-services")
                .then().statusCode(403).contentType("application/problem+json");
        as(TestTokens.mediatorAt("MQ", mine)).body(martiniqueActor("Hijack")).put("/api/actors/" + mine)
                .then().statusCode(403);
        as(TestTokens.mediatorAt("MQ", mine)).body("{\"openingHours\": \"tous les jours\"}")
                .put("/api/actors/" + mine + "/hours-and-services")
                .then().statusCode(400).body("errors[0].field", equalTo("openingHours"));
    }

    @Test
    void closesReopensAndKeepsTheHistory() {
        String mq = TestTokens.coordinator("MQ");
        String id = register(mq, martiniqueActor("Cyber-case du Prêcheur"));
        as(mq).body("{\"closedOn\": \"2026-06-30\", \"reason\": \"travaux\"}").post("/api/actors/" + id + "/closure")
                .then().statusCode(200).body("status", equalTo("closed")).body("closedOn", equalTo("2026-06-30"));
        as(mq).body("{\"label\": \"APTIC\", \"validFrom\": \"2026-07-01\"}").post("/api/actors/" + id + "/labels")
                .then().statusCode(409).body("code", equalTo("actor-closed"));
        as(mq).body("{\"reopenedOn\": \"2026-09-01\"}").post("/api/actors/" + id + "/reopening")
                .then().statusCode(200).body("status", equalTo("open"));
        as(mq).body("{\"closedOn\": \"soon\"}").post("/api/actors/" + id + "/closure")
                .then().statusCode(400).body("errors.field", hasItems("closedOn", "reason"));
        as(mq).get("/api/actors/" + id + "/history").then().statusCode(200)
                .body("type", equalTo(List.of("ActorRegistered", "ActorClosed", "ActorReopened")));
        as(TestTokens.of("partner", "MQ")).get("/api/actors/" + id + "/history").then().statusCode(403);
    }

    @Test
    void concurrentChangesAtTheSameVersionLetExactlyOneThrough() throws Exception {
        String mq = TestTokens.coordinator("MQ");
        String id = register(mq, martiniqueActor("France Services du Lorrain"));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Callable<Integer>> requests = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String name = "France Services du Lorrain " + i;
            requests.add(() -> as(mq).header("If-Match", "\"1\"").body(martiniqueActor(name))
                    .put("/api/actors/" + id).then().extract().statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> status : threads.invokeAll(requests)) {
            statuses.add(status.get());
        }
        threads.shutdown();
        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
        as(mq).get("/api/actors/" + id).then().statusCode(200).header("ETag", "\"2\"");
    }
}
