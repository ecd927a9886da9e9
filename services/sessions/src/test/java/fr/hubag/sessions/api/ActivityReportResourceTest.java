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

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static fr.hubag.sessions.api.SessionsTestSupport.ACTOR;
import static fr.hubag.sessions.api.SessionsTestSupport.MEDIATOR;
import static fr.hubag.sessions.api.SessionsTestSupport.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Activity reports over HTTP as a mediator's phone sends them after the fact: both shapes of the national tool's
 * report, every row of the role × territory table, malformed bodies (400 naming each field, notes on a workshop refused, nothing
 * stored), the rules' 422s, an Idempotency-Key replay and a correction with If-Match.
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "sessions"))
class ActivityReportResourceTest {

    static final String REPORTS = "/api/sessions/activity-reports";

    @Inject
    Pool pool;

    long storedEvents() {
        return pool.query("SELECT count(*) FROM es_events").execute().await().indefinitely()
                .iterator().next().getLong(0);
    }

    /** Three days ago in the territory: a date the report may have. */
    static String past(String territory) {
        ZoneId zone = ZoneId.of(switch (territory) {
            case "GP" -> "America/Guadeloupe";
            case "GF" -> "America/Cayenne";
            case "MQ" -> "America/Martinique";
            default -> "America/Marigot";
        });
        return LocalDate.now(zone).minusDays(3).toString();
    }

    /** An accompaniment at the person's home in a commune, by telephone, redirected to social services. */
    static String individualReport(String territory, String inseeCode, UUID beneficiary) {
        return """
                {"territory": "%s", "actorId": "%s", "type": "individuel", "date": "%s", "durationMinutes": 45,
                 "place": {"placeType": "domicile", "communeInseeCode": "%s"}, "equipment": ["telephone"],
                 "themes": ["aide_aux_demarches_administratives", "social_sante"], "mediatorId": "%s",
                 "participants": [{"beneficiaryId": "%s", "autonomy": "partiellement_autonome"}],
                 "redirection": {"structureType": "aide_sociale"}}"""
                .formatted(territory, ACTOR, past(territory), inseeCode, MEDIATOR, beneficiary);
    }

    /** A workshop in a commune: one named participant and six counted without a name. */
    static String workshopReport(String territory, String inseeCode) {
        return """
                {"territory": "%s", "actorId": "%s", "type": "collectif", "date": "%s", "durationMinutes": 120,
                 "place": {"placeType": "autre", "communeInseeCode": "%s"}, "equipment": ["ordinateur", "tablette"],
                 "themes": ["navigation_sur_internet", "email"], "title": "Créer son adresse e-mail",
                 "level": "debutant", "mediatorId": "%s", "programme": "Conseillers numériques",
                 "participants": [{"beneficiaryId": "%s"}],
                 "anonymous": {"total": 6, "alreadyAccompanied": 2, "genders": {"feminin": 4, "masculin": 1},
                               "ageBands": {"soixante_soixante_neuf": 2, "soixante_dix_plus": 1},
                               "socialStatuses": {"retraite": 3, "sans_emploi": 2, "en_emploi": 1}}}"""
                .formatted(territory, ACTOR, past(territory), inseeCode, MEDIATOR, UUID.randomUUID());
    }

    static String record(String token, String body) {
        return as(token).body(body).post(REPORTS).then().statusCode(201).extract().path("id");
    }

    @Test
    void aGuyaneMediatorRecordsAnAccompanimentForTheirActorAndReadsItBack() {
        String mediator = TestTokens.mediatorAt("GF", ACTOR);
        UUID beneficiary = UUID.randomUUID();
        Response recorded = as(mediator).body(individualReport("GF", "97302", beneficiary)).post(REPORTS);
        String id = recorded.then().statusCode(201).body("origin", equalTo("report"))
                .body("type", equalTo("individuel")).body("date", equalTo(past("GF")))
                .body("place.placeType", equalTo("domicile")).body("place.communeInseeCode", equalTo("97302"))
                .body("participants[0].beneficiaryId", equalTo(beneficiary.toString()))
                .body("participants[0].autonomy", equalTo("partiellement_autonome"))
                .body("redirection.structureType", equalTo("aide_sociale")).body("headcount", equalTo(1))
                .body("anonymous.total", equalTo(0)).body("equipment", hasItem("telephone"))
                .extract().path("id");
        assertThat(recorded.header("Location")).isEqualTo(REPORTS + "/" + id);

        as(mediator).get(REPORTS + "/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("id", equalTo(id)).body("themes", hasItem("social_sante"));
    }

    @Test
    void aWorkshopCountsItsAnonymousParticipantsInFullBreakdowns() {
        as(TestTokens.coordinator("MQ")).body(workshopReport("MQ", "97209")).post(REPORTS).then().statusCode(201)
                .body("headcount", equalTo(7)).body("level", equalTo("debutant"))
                .body("anonymous.genders.non_communique", equalTo(1))
                .body("anonymous.ageBands.non_communique", equalTo(3))
                .body("anonymous.ageBands.moins_de_douze", equalTo(0))
                .body("anonymous.socialStatuses.retraite", equalTo(3))
                .body("anonymous.alreadyAccompanied", equalTo(2));
    }

    @Test
    void whoMayRecord() {
        String body = workshopReport("GF", "97302");
        Map<String, Integer> expected = SessionsTestSupport.creationInGuyaneForActor();
        long before = storedEvents();
        expected.forEach((token, status) -> {
            Response r = as(token).body(body).post(REPORTS);
            assertThat(r.statusCode()).as(r.asString()).isEqualTo(status);
            if (status == 403) {
                assertThat(r.contentType()).startsWith("application/problem+json");
            }
        });
        given().contentType("application/json").body(body).post(REPORTS).then().statusCode(401);
        assertThat(storedEvents()).isEqualTo(before + 3);
    }

    @Test
    void whoMayReadAndCorrectAReport() {
        String id = record(TestTokens.coordinator("GF"), individualReport("GF", "97302", UUID.randomUUID()));
        String correction = individualReport("GF", "97307", UUID.randomUUID());
        for (String outsider : new String[]{TestTokens.coordinator("MQ"),
                TestTokens.mediatorAt("GF", UUID.randomUUID().toString()), TestTokens.mediatorAt("MQ", ACTOR),
                TestTokens.of("partner", "GF"), TestTokens.of("analyst", "GF")}) {
            as(outsider).get(REPORTS + "/" + id).then().statusCode(403).contentType("application/problem+json");
            as(outsider).body(correction).put(REPORTS + "/" + id).then().statusCode(403);
        }
        given().get(REPORTS + "/" + id).then().statusCode(401);
        for (String insider : new String[]{TestTokens.coordinator("GF"), TestTokens.hubAdmin(),
                TestTokens.mediatorAt("GF", ACTOR)}) {
            as(insider).get(REPORTS + "/" + id).then().statusCode(200);
        }
        // a mediator may not move a report to an actor they do not act for
        String elsewhere = correction.replace("\"actorId\": \"" + ACTOR + "\"",
                "\"actorId\": \"" + UUID.randomUUID() + "\"");
        as(TestTokens.mediatorAt("GF", ACTOR)).body(elsewhere).put(REPORTS + "/" + id).then().statusCode(403);
        as(TestTokens.mediatorAt("GF", ACTOR)).body(correction).put(REPORTS + "/" + id).then().statusCode(200)
                .body("place.communeInseeCode", equalTo("97307")).body("version", equalTo(2));
    }

    @Test
    void malformedBodiesAre400ProblemsNamingEachFieldAndStoreNothing() {
        String gf = TestTokens.coordinator("GF");
        String workshop = workshopReport("GF", "97302");
        String individual = individualReport("GF", "97302", UUID.randomUUID());
        long before = storedEvents();
        Map<String, String> broken = new LinkedHashMap<>();
        broken.put(workshop.replace("\"mediatorId\"", "\"notes\": \"Mme D., voisine de M. X\", \"mediatorId\""),
                "notes");
        broken.put(individual.replace("\"mediatorId\"", "\"notes\": \"" + "x".repeat(2001) + "\", \"mediatorId\""),
                "notes");
        broken.put(individual.replace("\"telephone\"", "\"smartphone\""), "equipment[0]");
        broken.put(individual.replace("[\"telephone\"]", "[\"telephone\", \"telephone\"]"), "equipment");
        broken.put(workshop.replace("\"feminin\"", "\"femme\""), "anonymous.genders.femme");
        broken.put(workshop.replace("\"retraite\": 3", "\"retraite\": -3"), "anonymous.socialStatuses.retraite");
        broken.put(workshop.replace("\"total\": 6", "\"total\": 10001"), "anonymous.total");
        broken.put(workshop.replace(past("GF"), "26/11/2026"), "date");
        broken.put(workshop.replace("\"collectif\"", "\"atelier\""), "type");
        broken.put(workshop.replace("\"autre\"", "\"salle\""), "place.placeType");
        broken.put(workshop.replace("\"durationMinutes\": 120", "\"durationMinutes\": 0"), "durationMinutes");
        broken.put(individual.replace("\"aide_sociale\"", "\"caf\""), "redirection.structureType");
        broken.put(workshop.replace("[{\"beneficiaryId\": \"", "[{\"beneficiaryId\": \"x"),
                "participants[0].beneficiaryId");
        broken.put(individual.replace("\"partiellement_autonome\"", "\"autonomous\""), "participants[0].autonomy");
        broken.put("{}", "themes");
        broken.forEach((body, field) -> as(gf).body(body).post(REPORTS).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(field)));
        as(gf).body("[]").post(REPORTS).then().statusCode(400).contentType("application/problem+json");
        as(gf).body(workshop.replace("\"total\": 6", "\"total\": \"six\"")).post(REPORTS).then().statusCode(400)
                .contentType("application/problem+json");
        assertThat(storedEvents()).isEqualTo(before);
        // notes for a person with no key here (unknown, or erased) cannot be kept: refused, and nothing recorded
        as(gf).body(individual.replace("\"mediatorId\"", "\"notes\": \"rappeler lundi\", \"mediatorId\""))
                .post(REPORTS).then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("notes-without-key"));
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void theRulesOfActivitiesAre422AndStoreNothing() {
        String gf = TestTokens.coordinator("GF");
        String individual = individualReport("GF", "97302", UUID.randomUUID());
        String workshop = workshopReport("GF", "97302");
        long before = storedEvents();
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put(individual.replace("\"redirection\"", "\"anonymous\": {\"total\": 1}, \"redirection\""),
                "individual-one-person");
        refused.put(workshop.replace("\"masculin\": 1", "\"masculin\": 3"), "anonymous-counts-exceed-total");
        refused.put(workshop.replace(past("GF"), LocalDate.now(ZoneId.of("America/Cayenne")).plusDays(1).toString()),
                "activity-in-future");
        refused.put(individualReport("GF", "97209", UUID.randomUUID()), "commune-outside-territory");
        refused.put(workshop.replace("\"title\": \"Créer son adresse e-mail\",", ""), "title-missing");
        refused.put(workshop.replace("\"programme\"", "\"redirection\": {\"structureType\": \"autre\"}, \"programme\""),
                "redirection-for-individuals");
        refused.put(individual.replace("[\"telephone\"]", "[\"aucun\", \"telephone\"]"), "equipment-aucun-alone");
        refused.forEach((body, code) -> as(gf).body(body).post(REPORTS).then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo(code)));
        as(gf).get(REPORTS + "/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("activity-report-not-found"));
        as(gf).get(REPORTS + "/pas-un-uuid").then().statusCode(404).contentType("application/problem+json");
        as(gf).body(individual).put(REPORTS + "/" + UUID.randomUUID()).then().statusCode(404)
                .body("code", equalTo("activity-report-not-found"));
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void retryingWithTheSameIdempotencyKeyRecordsOnceAndAnswersTheSameBytes() {
        String gf = TestTokens.mediatorAt("GF", ACTOR);
        String key = "report-" + UUID.randomUUID();
        String body = individualReport("GF", "97302", UUID.randomUUID());
        long before = storedEvents();
        Response first = as(gf).header("Idempotency-Key", key).body(body).post(REPORTS);
        Response again = as(gf).header("Idempotency-Key", key).body(body).post(REPORTS);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(storedEvents()).isEqualTo(before + 1);
        as(gf).header("Idempotency-Key", key).body(individualReport("GF", "97307", UUID.randomUUID())).post(REPORTS)
                .then().statusCode(422);
    }

    @Test
    void aCorrectionWithAStaleIfMatchIsRefusedAndTheLastRecordCounts() {
        String gf = TestTokens.coordinator("GF");
        String id = record(gf, workshopReport("GF", "97302"));
        String corrected = workshopReport("GF", "97302").replace("\"total\": 6", "\"total\": 8");
        as(gf).header("If-Match", "\"1\"").body(corrected).put(REPORTS + "/" + id).then().statusCode(200)
                .header("ETag", "\"2\"").body("headcount", equalTo(9));
        as(gf).header("If-Match", "\"1\"").body(workshopReport("GF", "97302")).put(REPORTS + "/" + id).then()
                .statusCode(409).contentType("application/problem+json");
        as(gf).body(corrected.replace("\"GF\"", "\"MQ\"").replace("97302", "97209")).put(REPORTS + "/" + id)
                .then().statusCode(403);
        as(TestTokens.hubAdmin()).body(corrected.replace("\"GF\"", "\"MQ\"").replace("97302", "97209"))
                .put(REPORTS + "/" + id).then().statusCode(422).body("code", equalTo("territory-changed"));
        as(gf).get(REPORTS + "/" + id).then().statusCode(200).body("anonymous.total", equalTo(8))
                .body("anonymous.genders.non_communique", equalTo(3));
    }
}
