package fr.hubag.actors.api;

import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;
import static fr.hubag.testing.TestTokens.bearer;

/** Request builders shared by the actors API tests. */
final class ActorsTestSupport {

    private ActorsTestSupport() {}

    static RequestSpecification as(String token) {
        return given().header("Authorization", bearer(token)).contentType("application/json");
    }

    static String actor(String name, String kind, String communeName, String insee, String postcode) {
        return """
                {"name": "%s", "kind": "%s", "address": "1 rue Victor Hugo",
                 "commune": {"name": "%s", "inseeCode": "%s", "postcode": "%s"}}"""
                .formatted(name, kind, communeName, insee, postcode);
    }

    static String martiniqueActor(String name) {
        return actor(name, "epn", "Fort-de-France", "97209", "97200");
    }

    static String guadeloupeActor(String name) {
        return actor(name, "association", "Pointe-à-Pitre", "97120", "97110");
    }
}
