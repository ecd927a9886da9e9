package fr.hubag.sessions.api;

import static fr.hubag.sessions.api.SessionsTestSupport.ACTOR;
import static fr.hubag.sessions.api.SessionsTestSupport.as;

/** Beneficiaries as a mediator's app registers them: a person of Cayenne, with their consent to be followed. */
final class BeneficiariesTestSupport {

    static final String BENEFICIARIES = "/api/sessions/beneficiaries";

    private BeneficiariesTestSupport() {}

    static String person(String name, String phone, String email) {
        return """
                {"name": "%s", "phone": "%s", "email": "%s", "birthYear": 1981,
                 "franceTravailNumber": "4417325X", "notes": "%s vient pour son dossier France Travail"}"""
                .formatted(name, phone, email, name);
    }

    /** A registration in {@code territory}, by the test actor, living in {@code commune}. */
    static String registration(String territory, String commune, String personalData) {
        return """
                {"territory": "%s", "actorId": "%s", "communeInseeCode": "%s", "socialStatus": "sans_emploi",
                 "gender": "feminin", "consents": [{"purpose": "suivi_mediation", "givenOn": "2026-11-27"}],
                 "personalData": %s}""".formatted(territory, ACTOR, commune, personalData);
    }

    static String registration() {
        return registration("GF", "97302", person("Alix Exemple", "+594 694 00 00 01", "alix@exemple.fr"));
    }

    static String register(String token, String body) {
        return as(token).body(body).post(BENEFICIARIES).then().statusCode(201).extract().path("id");
    }
}
