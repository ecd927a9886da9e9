package fr.hubag.sessions.api;

import fr.hubag.testing.TestTokens;

import static fr.hubag.sessions.api.BeneficiariesTestSupport.BENEFICIARIES;
import static fr.hubag.sessions.api.BeneficiariesTestSupport.person;
import static fr.hubag.sessions.api.SessionsTestSupport.ACTOR;
import static fr.hubag.sessions.api.SessionsTestSupport.as;

/** Referrals as a partner's system sends them, for a person registered in Guyane who consented to feedback. */
final class ReferralsTestSupport {

    static final String REFERRALS = "/api/sessions/referrals";

    private ReferralsTestSupport() {}

    static String partner(String subject) {
        return TestTokens.forSubject(subject, "partner", "GF");
    }

    /** A beneficiary of Guyane registered by the test actor with {@code retour_prescripteur} (or not). */
    static String consentingBeneficiary(boolean feedback) {
        String consents = feedback
                ? "[{\"purpose\": \"suivi_mediation\", \"givenOn\": \"2026-11-27\"}, "
                + "{\"purpose\": \"retour_prescripteur\", \"givenOn\": \"2026-11-27\"}]"
                : "[{\"purpose\": \"suivi_mediation\", \"givenOn\": \"2026-11-27\"}]";
        String body = """
                {"territory": "GF", "actorId": "%s", "communeInseeCode": "97302", "socialStatus": "sans_emploi",
                 "consents": %s, "personalData": %s}"""
                .formatted(ACTOR, consents, person("Alix Exemple", "+594 694 00 00 01", "alix@exemple.fr"));
        return as(TestTokens.coordinator("GF")).body(body).post(BENEFICIARIES).then().statusCode(201)
                .extract().path("id");
    }

    static String referral(String territory, String beneficiaryId) {
        return """
                {"territory": "%s", "beneficiaryId": "%s", "reason": "demarche_en_ligne",
                 "themes": ["aide_aux_demarches_administratives", "travail_formation"]}"""
                .formatted(territory, beneficiaryId);
    }

    /** A referral submitted by {@code partnerToken} for a new consenting beneficiary; its id. */
    static String submit(String partnerToken) {
        return as(partnerToken).body(referral("GF", consentingBeneficiary(true))).post(REFERRALS).then()
                .statusCode(201).extract().path("id");
    }
}
