package fr.hubag.sessions.api;

import fr.hubag.testing.TestTokens;
import io.restassured.specification.RequestSpecification;

import java.util.Map;
import java.util.UUID;

import static fr.hubag.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;

/** Request builders shared by the sessions API tests: sessions as a mediator's app would send them. */
final class SessionsTestSupport {

    static final String ACTOR = "3f6c2a1e-8b4d-4c7a-9e15-2d0b7a4c9f61";
    static final String MEDIATOR = "9c2e7b14-5d3a-4f81-a6e0-2b9d8c7f1e53";

    private SessionsTestSupport() {}

    static RequestSpecification as(String token) {
        return given().header("Authorization", bearer(token)).contentType("application/json");
    }

    /** A workshop at the actor's place, {@code start} local time in {@code territory}. */
    static String workshop(String territory, String start, int capacity) {
        return """
                {"territory": "%s", "actorId": "%s", "type": "collectif", "title": "Premiers pas sur smartphone",
                 "themes": ["prendre_en_main_du_materiel", "email"], "level": "debutant",
                 "place": {"placeType": "lieu_activite", "actorId": "%s"}, "mediatorId": "%s",
                 "programme": "Conseillers numériques", "start": "%s", "durationMinutes": 120, "capacity": %d}"""
                .formatted(territory, ACTOR, ACTOR, MEDIATOR, start, capacity);
    }

    /** An individual accompaniment somewhere in a commune (place type autre). */
    static String individual(String territory, String inseeCode, String start) {
        return """
                {"territory": "%s", "actorId": "%s", "type": "individuel",
                 "themes": ["aide_aux_demarches_administratives", "social_sante"],
                 "place": {"placeType": "autre", "communeInseeCode": "%s"}, "mediatorId": "%s",
                 "start": "%s", "durationMinutes": 45}""".formatted(territory, ACTOR, inseeCode, MEDIATOR, start);
    }

    /**
     * The role × territory table for creating something in Guyane for {@link #ACTOR}: each token and the status it
     * gets (201 for the territory's coordinator, a hub admin and the actor's mediator; 403 for everyone else).
     */
    static Map<String, Integer> creationInGuyaneForActor() {
        return Map.of(
                TestTokens.coordinator("GF"), 201, TestTokens.hubAdmin(), 201,
                TestTokens.mediatorAt("GF", ACTOR), 201,
                TestTokens.coordinator("MQ"), 403, TestTokens.mediatorAt("GF", UUID.randomUUID().toString()), 403,
                TestTokens.mediatorAt("MQ", ACTOR), 403, TestTokens.of("partner", "GF"), 403,
                TestTokens.of("analyst", "GF"), 403);
    }

    static String enrolment(UUID beneficiary) {
        return "{\"beneficiaryId\": \"" + beneficiary + "\"}";
    }

    static String schedule(String token, String body) {
        return as(token).body(body).post("/api/sessions").then().statusCode(201).extract().path("id");
    }
}
