package fr.hubag.sessions.api;

import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static fr.hubag.sessions.api.SessionsTestSupport.ACTOR;
import static fr.hubag.sessions.api.SessionsTestSupport.as;
import static fr.hubag.sessions.api.SessionsTestSupport.enrolment;
import static fr.hubag.sessions.api.SessionsTestSupport.individual;
import static fr.hubag.sessions.api.SessionsTestSupport.schedule;
import static fr.hubag.sessions.api.SessionsTestSupport.workshop;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Scheduling, reading, moving and cancelling sessions over HTTP as the users do: the territory's zone, every row of
 * the role × territory table, malformed bodies (400, every field named, nothing stored), the domain's refusals
 * (422/409) and an Idempotency-Key replay.
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "sessions"))
class SessionResourceTest {

    @Inject
    Pool pool;

    long storedEvents() {
        return pool.query("SELECT count(*) FROM es_events").execute().await().indefinitely()
                .iterator().next().getLong(0);
    }

    @Test
    void aGuyaneMediatorSchedulesAWorkshopAtNineLocalTimeForTheirActor() {
        String mediator = TestTokens.mediatorAt("GF", ACTOR);
        Response scheduled = as(mediator).body(workshop("GF", "2026-12-01T09:00", 20)).post("/api/sessions");
        String id = scheduled.then().statusCode(201)
                .body("territory", equalTo("GF")).body("zone", equalTo("America/Cayenne"))
                .body("start", equalTo("2026-12-01T09:00:00")).body("startsAt", equalTo("2026-12-01T12:00:00Z"))
                .body("type", equalTo("collectif")).body("themes", hasItem("prendre_en_main_du_materiel"))
                .body("place.placeType", equalTo("lieu_activite")).body("seatsLeft", equalTo(20))
                .body("status", equalTo("scheduled")).extract().path("id");
        assertThat(scheduled.header("Location")).isEqualTo("/api/sessions/" + id);

        as(mediator).get("/api/sessions/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("capacity", equalTo(20)).body("level", equalTo("debutant"));
    }

    @Test
    void nineInTheMorningInFortDeFranceIsAnHourAfterNineInCayenne() {
        String cayenne = as(TestTokens.coordinator("GF")).body(workshop("GF", "2026-12-01T09:00", 12))
                .post("/api/sessions").then().statusCode(201).extract().path("startsAt");
        String fortDeFrance = as(TestTokens.coordinator("MQ")).body(individual("MQ", "97209", "2026-12-01T09:00"))
                .post("/api/sessions").then().statusCode(201).body("zone", equalTo("America/Martinique"))
                .body("capacity", equalTo(1)).extract().path("startsAt");

        assertThat(cayenne).isEqualTo("2026-12-01T12:00:00Z");
        assertThat(fortDeFrance).isEqualTo("2026-12-01T13:00:00Z");
    }

    @Test
    void whoMaySchedule() {
        String body = workshop("GF", "2026-12-02T09:00", 10);
        Map<String, Integer> expected = SessionsTestSupport.creationInGuyaneForActor();
        expected.forEach((token, status) -> {
            Response r = as(token).body(body).post("/api/sessions");
            assertThat(r.statusCode()).as(r.asString()).isEqualTo(status);
            if (status == 403) {
                assertThat(r.contentType()).startsWith("application/problem+json");
            }
        });
        given().contentType("application/json").body(body).post("/api/sessions").then().statusCode(401);
    }

    @Test
    void whoMayReadMoveCancelAndEnrolOnAnExistingSession() {
        String id = schedule(TestTokens.coordinator("GF"), workshop("GF", "2026-12-04T09:00", 10));
        String reschedule = "{\"start\": \"2026-12-04T10:00\", \"durationMinutes\": 90}";
        for (String outsider : new String[]{TestTokens.coordinator("MQ"),
                TestTokens.mediatorAt("GF", UUID.randomUUID().toString()), TestTokens.mediatorAt("MQ", ACTOR),
                TestTokens.of("partner", "GF"), TestTokens.of("analyst", "GF")}) {
            as(outsider).get("/api/sessions/" + id).then().statusCode(403);
            as(outsider).body(reschedule).post("/api/sessions/" + id + "/reschedule").then().statusCode(403);
            as(outsider).body("{\"reason\": \"x\"}").post("/api/sessions/" + id + "/cancel").then().statusCode(403);
            as(outsider).body(enrolment(UUID.randomUUID())).post("/api/sessions/" + id + "/enrolments")
                    .then().statusCode(403);
        }
        given().get("/api/sessions/" + id).then().statusCode(401);
        for (String insider : new String[]{TestTokens.coordinator("GF"), TestTokens.hubAdmin(),
                TestTokens.mediatorAt("GF", ACTOR)}) {
            as(insider).get("/api/sessions/" + id).then().statusCode(200);
            as(insider).body(enrolment(UUID.randomUUID())).post("/api/sessions/" + id + "/enrolments")
                    .then().statusCode(201);
        }
        as(TestTokens.mediatorAt("GF", ACTOR)).body(reschedule).post("/api/sessions/" + id + "/reschedule")
                .then().statusCode(200).body("startsAt", equalTo("2026-12-04T13:00:00Z"));
        as(TestTokens.coordinator("GF")).body("{\"reason\": \"salle indisponible\"}")
                .post("/api/sessions/" + id + "/cancel").then().statusCode(200).body("status", equalTo("cancelled"));
        as(TestTokens.hubAdmin()).body(enrolment(UUID.randomUUID())).post("/api/sessions/" + id + "/enrolments")
                .then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("session-cancelled"));
    }

    @Test
    void malformedBodiesAre400ProblemsNamingEachFieldAndStoreNothing() {
        String gf = TestTokens.coordinator("GF");
        long before = storedEvents();
        Map<String, String> broken = Map.of(
                workshop("RE", "2026-12-01T09:00", 10), "territory",
                workshop("GF", "2026-12-01T09:00:00-03:00", 10), "start",
                workshop("GF", "demain 9h", 10), "start",
                workshop("GF", "2026-12-01T09:00", 0), "capacity",
                workshop("GF", "2026-12-01T09:00", 10).replace("\"email\"", "\"cuisine\""), "themes[1]",
                workshop("GF", "2026-12-01T09:00", 10).replace("lieu_activite", "salle"), "place.placeType",
                workshop("GF", "2026-12-01T09:00", 10).replace("\"debutant\"", "\"expert\""), "level",
                individual("GF", "973", "2026-12-01T09:00"), "place.communeInseeCode",
                workshop("GF", "2026-12-01T09:00", 10).replace("\"collectif\"", "\"atelier\""), "type",
                "{}", "themes");
        broken.forEach((body, field) -> as(gf).body(body).post("/api/sessions").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(field)));
        as(gf).body("{\"territory\": \"GF\", \"capacity\": \"vingt\"}").post("/api/sessions").then()
                .statusCode(400).contentType("application/problem+json");
        as(gf).body("[]").post("/api/sessions").then().statusCode(400).contentType("application/problem+json");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void theDomainsRefusalsAre422Or409AndStoreNothing() {
        String gf = TestTokens.coordinator("GF");
        long before = storedEvents();
        as(gf).body(individual("GF", "97209", "2026-12-01T09:00")).post("/api/sessions").then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("commune-outside-territory"));
        as(gf).body(workshop("GF", "2026-12-01T09:00", 10).replace("\"title\": \"Premiers pas sur smartphone\",", ""))
                .post("/api/sessions").then().statusCode(422).body("code", equalTo("title-missing"));
        as(gf).body(individual("GF", "97302", "2026-12-01T09:00").replace("\"durationMinutes\"",
                        "\"level\": \"avance\", \"durationMinutes\"")).post("/api/sessions").then().statusCode(422)
                .body("code", equalTo("level-for-workshops"));
        as(gf).get("/api/sessions/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        as(gf).body("{\"reason\": \"x\"}").post("/api/sessions/" + UUID.randomUUID() + "/cancel").then()
                .statusCode(404).body("code", equalTo("session-not-found"));
        as(gf).get("/api/sessions/pas-un-uuid").then().statusCode(404).contentType("application/problem+json");
        as(gf).body("{\"reason\": \"x\"}").post("/api/sessions/pas-un-uuid/cancel").then().statusCode(400)
                .body("errors[0].field", equalTo("id"));
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void retryingWithTheSameIdempotencyKeySchedulesOnceAndAnswersTheSameBytes() {
        String gf = TestTokens.forSubject("coordinator-gf-retry", "coordinator", "GF");
        String key = "schedule-" + UUID.randomUUID();
        String body = workshop("GF", "2026-12-05T09:00", 8);
        long before = storedEvents();
        Response first = as(gf).header("Idempotency-Key", key).body(body).post("/api/sessions");
        Response again = as(gf).header("Idempotency-Key", key).body(body).post("/api/sessions");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(storedEvents()).isEqualTo(before + 1);
        as(gf).header("Idempotency-Key", key).body(workshop("GF", "2026-12-06T09:00", 8)).post("/api/sessions")
                .then().statusCode(422);
    }
}
