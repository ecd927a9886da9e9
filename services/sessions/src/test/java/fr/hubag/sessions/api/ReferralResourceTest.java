package fr.hubag.sessions.api;

import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.hubag.sessions.api.ReferralsTestSupport.REFERRALS;
import static fr.hubag.sessions.api.ReferralsTestSupport.consentingBeneficiary;
import static fr.hubag.sessions.api.ReferralsTestSupport.partner;
import static fr.hubag.sessions.api.ReferralsTestSupport.referral;
import static fr.hubag.sessions.api.ReferralsTestSupport.submit;
import static fr.hubag.sessions.api.SessionsTestSupport.ACTOR;
import static fr.hubag.sessions.api.SessionsTestSupport.as;
import static fr.hubag.sessions.api.SessionsTestSupport.schedule;
import static fr.hubag.sessions.api.SessionsTestSupport.workshop;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Referrals through HTTP as a partner and the hub's staff use them: the whole life of one, every role on every kind
 * of endpoint, bad input, and a partner's own list paged by keyset and filtered by change time.
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "sessions"))
class ReferralResourceTest {

    private static final String GF = TestTokens.coordinator("GF");

    @Test
    void aPartnerRefersStaffAcceptAndAssignToAWorkshopAndThePartnerReadsTheOutcome() {
        String partner = partner("france-travail-gf");
        String person = consentingBeneficiary(true);
        String key = UUID.randomUUID().toString();
        Response first = as(partner).header("Idempotency-Key", key).body(referral("GF", person)).post(REFERRALS);
        first.then().statusCode(201).body("status", equalTo("submitted")).body("partner", equalTo("france-travail-gf"))
                .body("beneficiaryId", equalTo(person));
        String id = first.path("id");
        Response replay = as(partner).header("Idempotency-Key", key).body(referral("GF", person)).post(REFERRALS);
        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(replay.asString()).isEqualTo(first.asString());

        as(GF).post(REFERRALS + "/" + id + "/accept").then().statusCode(200).body("status", equalTo("accepted"));
        as(GF).post(REFERRALS + "/" + id + "/accept").then().statusCode(200).body("version", equalTo(2));
        String session = schedule(GF, workshop("GF", "2030-05-01T09:00", 12));
        as(GF).body("{\"sessionId\": \"" + session + "\"}").post(REFERRALS + "/" + id + "/assign").then()
                .statusCode(200).body("status", equalTo("assigned")).body("actorId", equalTo(ACTOR))
                .body("sessionId", equalTo(session));
        as(TestTokens.mediatorAt("GF", ACTOR)).get(REFERRALS + "/" + id).then().statusCode(200);
        as(GF).body("{\"outcome\": \"redirected\", \"redirectedTo\": \"aide_sociale\"}")
                .post(REFERRALS + "/" + id + "/outcome").then().statusCode(200).body("status", equalTo("closed"));

        as(partner).get(REFERRALS + "/" + id).then().statusCode(200).body("status", equalTo("closed"))
                .body("outcome", equalTo("redirected")).body("redirectedTo", equalTo("aide_sociale"))
                .header("ETag", "\"4\"");
    }

    @Test
    void aPartnerRegistersANewPersonWithTheirConsentThenRefersThem() {
        String partner = partner("france-travail-gf");
        String body = """
                {"territory": "GF", "actorId": "%s", "consents": [
                  {"purpose": "suivi_mediation", "givenOn": "2026-11-27"},
                  {"purpose": "retour_prescripteur", "givenOn": "2026-11-27"}],
                 "personalData": {"name": "Camille Exemple", "franceTravailNumber": "4417325X"}}""".formatted(ACTOR);
        String person = as(partner).body(body).post("/api/sessions/beneficiaries").then().statusCode(201)
                .extract().path("id");
        as(partner).get("/api/sessions/beneficiaries/" + person).then().statusCode(403);
        as(partner).body(referral("GF", person)).post(REFERRALS).then().statusCode(201)
                .body("beneficiaryId", equalTo(person));
    }

    @Test
    void whoMayDoWhatRowByRow() {
        String owner = partner("caf-gf");
        String person = consentingBeneficiary(true);
        Map<String, Integer> submit = Map.of(owner, 201, TestTokens.forSubject("caf-mq", "partner", "MQ"), 403,
                GF, 403, TestTokens.hubAdmin(), 403, TestTokens.mediatorAt("GF", ACTOR), 403,
                TestTokens.of("analyst", "GF"), 403);
        submit.forEach((token, status) -> as(token).body(referral("GF", person)).post(REFERRALS).then()
                .statusCode(status));
        given().contentType("application/json").body(referral("GF", person)).post(REFERRALS).then().statusCode(401);

        Map<String, Integer> answer = Map.of(GF, 200, TestTokens.hubAdmin(), 200, TestTokens.coordinator("MQ"), 403,
                owner, 403, TestTokens.mediatorAt("GF", ACTOR), 403, TestTokens.of("analyst", "GF"), 403);
        answer.forEach((token, status) -> {
            String id = submit(owner);
            as(token).post(REFERRALS + "/" + id + "/accept").then().statusCode(status);
            as(token).body("{\"reason\": \"doublon\"}").post(REFERRALS + "/" + id + "/refuse").then()
                    .statusCode(status == 200 ? 409 : status);
            String other = submit(owner);
            as(GF).post(REFERRALS + "/" + other + "/accept").then().statusCode(200);
            as(token).body("{\"actorId\": \"" + ACTOR + "\"}").post(REFERRALS + "/" + other + "/assign").then()
                    .statusCode(status);
            as(token).body("{\"outcome\": \"attended\"}").post(REFERRALS + "/" + other + "/outcome").then()
                    .statusCode(status);
        });

        String id = submit(owner);
        as(GF).post(REFERRALS + "/" + id + "/accept").then().statusCode(200);
        as(GF).body("{\"actorId\": \"" + ACTOR + "\"}").post(REFERRALS + "/" + id + "/assign").then().statusCode(200);
        Map<String, Integer> read = Map.of(owner, 200, partner("france-travail-gf"), 403, GF, 200,
                TestTokens.hubAdmin(), 200, TestTokens.coordinator("MQ"), 403, TestTokens.mediatorAt("GF", ACTOR), 200,
                TestTokens.mediatorAt("GF", UUID.randomUUID().toString()), 403, TestTokens.mediatorAt("MQ", ACTOR), 403,
                TestTokens.of("analyst", "GF"), 403);
        read.forEach((token, status) -> as(token).get(REFERRALS + "/" + id).then().statusCode(status));
        given().get(REFERRALS + "/" + id).then().statusCode(401);

        Map<String, Integer> list = Map.of(owner, 200, GF, 403, TestTokens.hubAdmin(), 403,
                TestTokens.mediatorAt("GF", ACTOR), 403, TestTokens.of("analyst", "GF"), 403);
        list.forEach((token, status) -> as(token).get(REFERRALS).then().statusCode(status));
    }

    @Test
    void badInputIsAProblemAndStoresNothing() {
        String partner = partner("france-travail-gf");
        problem(as(partner).body("{\"territory\": \"GF\"}").post(REFERRALS), 400, "beneficiaryId");
        problem(as(partner).body(referral("GF", "not-an-id")).post(REFERRALS), 400, "beneficiaryId");
        problem(as(partner).body(referral("GF", UUID.randomUUID().toString()).replace("demarche_en_ligne", "urgent"))
                .post(REFERRALS), 400, "reason");
        problem(as(partner).body(referral("GF", UUID.randomUUID().toString())
                .replace("{", "{\"franceTravailNumber\": \"4417325X\", ")).post(REFERRALS), 400, null);
        problem(as(partner).body(referral("GF", UUID.randomUUID().toString())).post(REFERRALS), 422,
                "beneficiary-unknown");
        problem(as(partner).body(referral("GF", consentingBeneficiary(false))).post(REFERRALS), 422,
                "consent-missing");
        String id = submit(partner);
        problem(as(GF).body("{\"actorId\": \"" + ACTOR + "\"}").post(REFERRALS + "/" + id + "/assign"),
                409, "referral-not-accepted");
        as(GF).post(REFERRALS + "/" + id + "/accept").then().statusCode(200);
        problem(as(GF).body("{}").post(REFERRALS + "/" + id + "/assign"), 400, "actorId");
        problem(as(GF).body("{\"sessionId\": \"" + UUID.randomUUID() + "\"}").post(REFERRALS + "/" + id + "/assign"),
                422, "session-not-found");
        String martinique = schedule(TestTokens.coordinator("MQ"), workshop("MQ", "2030-05-01T09:00", 12));
        problem(as(GF).body("{\"sessionId\": \"" + martinique + "\"}").post(REFERRALS + "/" + id + "/assign"),
                422, "session-outside-territory");
        problem(as(GF).body("{\"outcome\": \"redirected\"}").post(REFERRALS + "/" + id + "/outcome"), 422,
                "redirection-structure-required");
        problem(as(GF).body("{\"outcome\": \"parti\"}").post(REFERRALS + "/" + id + "/outcome"), 400, "outcome");
        problem(as(GF).body("{\"reason\": \"il a déménagé\"}").post(REFERRALS + "/" + id + "/refuse"), 400, "reason");
        problem(as(GF).post(REFERRALS + "/" + UUID.randomUUID() + "/accept"), 404, "referral-not-found");
        problem(as(partner).get(REFERRALS + "/" + UUID.randomUUID()), 404, "referral-not-found");
        problem(as(partner).get(REFERRALS + "?cursor=nonsense"), 400, "cursor");
        problem(as(partner).get(REFERRALS + "?changedSince=yesterday"), 400, "changedSince");
        problem(as(partner).get(REFERRALS + "?limit=0"), 400, "limit");
        as(partner).get(REFERRALS + "/" + id).then().statusCode(200).body("version", equalTo(2));
    }

    @Test
    void aPartnerListsOnlyItsOwnReferralsPagedAndChangedSince() {
        String mine = partner("cgss-gf-" + UUID.randomUUID());
        String other = partner("commune-" + UUID.randomUUID());
        List<String> ids = List.of(submit(mine), submit(mine), submit(mine));
        String theirs = submit(other);

        Response page1 = as(mine).get(REFERRALS + "?limit=2");
        page1.then().statusCode(200);
        List<String> firstIds = page1.path("items.id");
        assertThat(firstIds).containsExactlyElementsOf(ids.subList(0, 2));
        String cursor = page1.path("nextCursor");
        Response page2 = as(mine).get(REFERRALS + "?limit=2&cursor=" + cursor);
        page2.then().statusCode(200).body("nextCursor", nullValue());
        List<String> secondIds = page2.path("items.id");
        assertThat(secondIds).containsExactly(ids.get(2));
        List<String> theirIds = as(other).get(REFERRALS).path("items.id");
        assertThat(theirIds).containsExactly(theirs);

        Instant before = Instant.now();
        as(GF).post(REFERRALS + "/" + ids.get(0) + "/accept").then().statusCode(200);
        List<String> changed = as(mine).get(REFERRALS + "?changedSince=" + before).path("items.id");
        assertThat(changed).containsExactly(ids.get(0));
        List<String> none = as(mine).get(REFERRALS + "?changedSince=" + Instant.now().plusSeconds(60)).path("items.id");
        assertThat(none).isEmpty();
    }

    private static void problem(Response response, int status, String mentioned) {
        response.then().statusCode(status).contentType("application/problem+json");
        if (mentioned != null) {
            assertThat(response.asString()).contains(mentioned);
        }
    }
}
