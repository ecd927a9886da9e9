package fr.hubag.actors.api;

import io.restassured.specification.RequestSpecification;

import static fr.hubag.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;

/** Request builders shared by the actors API tests: places as a partner would send them. */
final class ActorsTestSupport {

    private ActorsTestSupport() {}

    static RequestSpecification as(String token) {
        return given().header("Authorization", bearer(token)).contentType("application/json");
    }

    /** A complete place of the national standard, with {@code extra} JSON members appended (e.g. "\"phone\": …"). */
    static String place(String name, String communeName, String insee, String postcode, String extra) {
        return """
                {"name": "%s", "pivot": "21972013500017", "address": "1 rue Victor Hugo",
                 "commune": {"name": "%s", "inseeCode": "%s", "postcode": "%s"},
                 "typologies": ["EPN"], "openingHours": "Mo-Fr 08:00-12:00,14:00-17:00",
                 "services": ["Aide aux démarches administratives"], "publics": ["Seniors"], "fees": ["Gratuit"],
                 "accessModes": ["Se présenter"], "supportModes": ["Accompagnement individuel"],
                 "updatedOn": "2026-11-01"%s}"""
                .formatted(name, communeName, insee, postcode, extra == null || extra.isEmpty() ? "" : ", " + extra);
    }

    static String martiniqueActor(String name) {
        return place(name, "Fort-de-France", "97209", "97200", "");
    }

    static String martiniqueActor(String name, String extra) {
        return place(name, "Fort-de-France", "97209", "97200", extra);
    }

    static String guadeloupeActor(String name) {
        return place(name, "Pointe-à-Pitre", "97120", "97110", "");
    }
}
