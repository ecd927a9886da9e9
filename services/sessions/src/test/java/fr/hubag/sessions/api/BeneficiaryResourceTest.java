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

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static fr.hubag.sessions.api.BeneficiariesTestSupport.BENEFICIARIES;
import static fr.hubag.sessions.api.BeneficiariesTestSupport.person;
import static fr.hubag.sessions.api.BeneficiariesTestSupport.register;
import static fr.hubag.sessions.api.BeneficiariesTestSupport.registration;
import static fr.hubag.sessions.api.SessionsTestSupport.ACTOR;
import static fr.hubag.sessions.api.SessionsTestSupport.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/**
 * Beneficiaries over HTTP: registration answered with the id only, the person read back decrypted by those who may
 * see them, consents, personal data replaced, erasure; every row of the role × territory table for each endpoint;
 * malformed bodies (400 naming the field, never echoing the value, nothing stored) and the domain's refusals.
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "sessions"))
class BeneficiaryResourceTest {

    private static final String OTHER_ACTOR = UUID.randomUUID().toString();

    @Inject
    Pool pool;

    long count(String sql) {
        return pool.query(sql).execute().await().indefinitely().iterator().next().getLong(0);
    }

    @Test
    void aMediatorRegistersAPersonWhoIsReadBackDecryptedWhileOnlyTheIdIsAnswered() {
        String mediator = TestTokens.mediatorAt("GF", ACTOR);
        Response registered = as(mediator).header("Idempotency-Key", "register-" + UUID.randomUUID())
                .body(registration("GF", "97302", person("Léa Exemple", "+594 694 11 22 33", "lea@exemple.fr")))
                .post(BENEFICIARIES);
        String id = registered.then().statusCode(201).body("status", equalTo("active")).extract().path("id");
        assertThat(registered.header("Location")).isEqualTo(BENEFICIARIES + "/" + id);
        assertThat(registered.asString()).doesNotContainIgnoringCase("Léa").doesNotContain("694");

        as(mediator).get(BENEFICIARIES + "/" + id).then().statusCode(200).header("ETag", "\"2\"")
                .body("territory", equalTo("GF")).body("ageBand", equalTo("quarante_cinquante_neuf"))
                .body("communeInseeCode", equalTo("97302")).body("socialStatus", equalTo("sans_emploi"))
                .body("gender", equalTo("feminin")).body("consents.purpose", hasItem("suivi_mediation"))
                .body("personalData.name", equalTo("Léa Exemple")).body("personalData.phone", equalTo("+594 694 11 22 33"))
                .body("personalData.email", equalTo("lea@exemple.fr")).body("personalData.birthYear", equalTo(1981))
                .body("personalData.franceTravailNumber", equalTo("4417325X"));

        as(mediator).body("{\"name\": \"Léa Exemple-Martin\", \"phone\": \"0694 99 88 77\"}")
                .put(BENEFICIARIES + "/" + id + "/personal-data").then().statusCode(200).body("id", equalTo(id));
        as(mediator).get(BENEFICIARIES + "/" + id).then().statusCode(200)
                .body("personalData.name", equalTo("Léa Exemple-Martin")).body("personalData.email", nullValue());

        as(mediator).body("{\"purpose\": \"recontact\", \"givenOn\": \"2026-11-28\"}")
                .post(BENEFICIARIES + "/" + id + "/consents").then().statusCode(200).header("ETag", "\"3\"");
        as(mediator).delete(BENEFICIARIES + "/" + id + "/consents/recontact").then().statusCode(200)
                .header("ETag", "\"4\"");
        as(mediator).delete(BENEFICIARIES + "/" + id + "/consents/recontact").then().statusCode(200)
                .header("ETag", "\"4\"");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyAnswersTheSameBytesAndKeepsOnePerson() {
        String token = TestTokens.forSubject("coord-" + UUID.randomUUID(), "coordinator", "GF");
        String key = "register-" + UUID.randomUUID();
        long keys = count("SELECT count(*) FROM beneficiary_keys");
        String first = as(token).header("Idempotency-Key", key).body(registration()).post(BENEFICIARIES)
                .then().statusCode(201).extract().asString();
        String again = as(token).header("Idempotency-Key", key).body(registration()).post(BENEFICIARIES)
                .then().statusCode(201).extract().asString();

        assertThat(again).isEqualTo(first);
        assertThat(count("SELECT count(*) FROM beneficiary_keys")).isEqualTo(keys + 1);
    }

    @Test
    void malformedBodiesNameTheFieldNeverTheValueAndStoreNothing() {
        String token = TestTokens.coordinator("GF");
        long before = count("SELECT (SELECT count(*) FROM beneficiary_keys) + (SELECT count(*) FROM es_events)");
        String bad = registration("GF", "9730", person("Jean Sanszéro", "appelez-moi Jean", "Jean Sanszéro"))
                .replace("\"sans_emploi\"", "\"chomeur\"").replace("1981", "1850");
        String problem = as(token).body(bad).post(BENEFICIARIES).then().statusCode(400)
                .contentType("application/problem+json").extract().asString();

        assertThat(problem).contains("communeInseeCode", "socialStatus", "personalData.phone", "personalData.email",
                "personalData.birthYear").doesNotContainIgnoringCase("sanszéro").doesNotContain("appelez");
        as(token).body(registration().replace("\"consents\": [{\"purpose\": \"suivi_mediation\", \"givenOn\": "
                + "\"2026-11-27\"}]", "\"consents\": []")).post(BENEFICIARIES).then().statusCode(400);
        as(token).body(registration("GF", "97209", person("Hors Territoire", "0694000000", "h@t.fr")))
                .post(BENEFICIARIES).then().statusCode(422).body("code", equalTo("commune-outside-territory"));
        assertThat(count("SELECT (SELECT count(*) FROM beneficiary_keys) + (SELECT count(*) FROM es_events)"))
                .isEqualTo(before);
    }

    @Test
    void whoMayRegister() {
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put(TestTokens.coordinator("GF"), 201);
        expected.put(TestTokens.hubAdmin(), 201);
        expected.put(TestTokens.mediatorAt("GF", ACTOR), 201);
        expected.put(TestTokens.coordinator("MQ"), 403);
        expected.put(TestTokens.mediatorAt("GF", OTHER_ACTOR), 403);
        expected.put(TestTokens.mediatorAt("MQ", ACTOR), 403);
        expected.put(TestTokens.of("partner", "MQ"), 403);
        expected.put(TestTokens.of("analyst", "GF"), 403);
        expected.forEach((token, status) -> as(token).body(registration()).post(BENEFICIARIES).then()
                .statusCode(status));
        given().contentType("application/json").body(registration()).post(BENEFICIARIES).then().statusCode(401);
        // a partner registers the person it refers only with their consent to retour_prescripteur
        as(TestTokens.of("partner", "GF")).body(registration()).post(BENEFICIARIES).then().statusCode(422)
                .body("code", equalTo("consent-required"));
    }

    @Test
    void whoSeesThePersonAndWhoSeesOnlyThePseudonymousRecord() {
        String id = register(TestTokens.coordinator("GF"), registration());
        String path = BENEFICIARIES + "/" + id;
        for (String token : new String[]{TestTokens.coordinator("GF"), TestTokens.hubAdmin(),
                TestTokens.mediatorAt("GF", ACTOR)}) {
            as(token).get(path).then().statusCode(200).body("personalData.name", equalTo("Alix Exemple"));
        }
        as(TestTokens.mediatorAt("GF", OTHER_ACTOR)).get(path).then().statusCode(200)
                .body("ageBand", equalTo("quarante_cinquante_neuf")).body("personalData", nullValue());
        for (String token : new String[]{TestTokens.coordinator("MQ"), TestTokens.mediatorAt("MQ", ACTOR),
                TestTokens.of("partner", "GF"), TestTokens.of("analyst", "GF")}) {
            String answer = as(token).get(path).then().statusCode(403).extract().asString();
            assertThat(answer).doesNotContain("Alix");
        }
        given().get(path).then().statusCode(401);
        as(TestTokens.coordinator("GF")).get(BENEFICIARIES + "/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void whoMayChangeConsentsAndPersonalDataAndErase() {
        String id = register(TestTokens.coordinator("GF"), registration());
        String path = BENEFICIARIES + "/" + id;
        String consent = "{\"purpose\": \"recontact\", \"givenOn\": \"2026-11-28\"}";
        String data = person("Alix Exemple", "+594 694 00 00 02", "alix@exemple.fr");
        for (String token : new String[]{TestTokens.coordinator("MQ"), TestTokens.mediatorAt("GF", OTHER_ACTOR),
                TestTokens.mediatorAt("MQ", ACTOR), TestTokens.of("partner", "GF"), TestTokens.of("analyst", "GF")}) {
            as(token).body(consent).post(path + "/consents").then().statusCode(403);
            as(token).delete(path + "/consents/suivi_mediation").then().statusCode(403);
            as(token).body(data).put(path + "/personal-data").then().statusCode(403);
            as(token).delete(path).then().statusCode(403);
        }
        given().contentType("application/json").delete(path).then().statusCode(401);
        as(TestTokens.coordinator("GF")).get(path).then().statusCode(200).body("status", equalTo("active"))
                .body("personalData.phone", equalTo("+594 694 00 00 01")).header("ETag", "\"2\"");

        for (String token : new String[]{TestTokens.coordinator("GF"), TestTokens.hubAdmin(),
                TestTokens.mediatorAt("GF", ACTOR)}) {
            String person = register(TestTokens.coordinator("GF"), registration());
            String at = BENEFICIARIES + "/" + person;
            as(token).body(consent).post(at + "/consents").then().statusCode(200);
            as(token).delete(at + "/consents/recontact").then().statusCode(200);
            as(token).body(data).put(at + "/personal-data").then().statusCode(200);
            as(token).delete(at).then().statusCode(200).body("status", equalTo("erased"));
        }
    }

    @Test
    void anErasedPersonIsUnreadableAndTakesNoMoreCommandsWhileErasingAgainAnswersTheSame() {
        String coordinator = TestTokens.coordinator("GF");
        String id = register(coordinator, registration());
        String path = BENEFICIARIES + "/" + id;

        String erased = as(coordinator).delete(path).then().statusCode(200).body("status", equalTo("erased"))
                .header("ETag", "\"3\"").extract().asString();
        assertThat(as(coordinator).delete(path).then().statusCode(200).header("ETag", "\"3\"").extract().asString())
                .isEqualTo(erased);
        assertThat(count("SELECT count(*) FROM beneficiary_keys WHERE beneficiary_id = '" + id + "'")).isZero();
        assertThat(count("SELECT count(*) FROM beneficiary_personal_data WHERE beneficiary_id = '" + id + "'"))
                .isZero();

        as(coordinator).get(path).then().statusCode(200).body("status", equalTo("erased"))
                .body("personalData", nullValue()).body("ageBand", equalTo("quarante_cinquante_neuf"));
        as(coordinator).body("{\"purpose\": \"recontact\", \"givenOn\": \"2026-11-28\"}").post(path + "/consents")
                .then().statusCode(409).body("code", equalTo("beneficiary-erased"));
        as(coordinator).body(person("Alix Exemple", "+594 694 00 00 02", "alix@exemple.fr"))
                .put(path + "/personal-data").then().statusCode(409).body("code", equalTo("beneficiary-erased"));
        as(coordinator).delete(BENEFICIARIES + "/" + UUID.randomUUID()).then().statusCode(404);
    }
}
