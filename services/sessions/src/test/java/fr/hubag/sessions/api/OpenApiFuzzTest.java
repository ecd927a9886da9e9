package fr.hubag.sessions.api;

import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.TestTokens;
import fr.hubag.testing.fuzz.FuzzRequest;
import fr.hubag.testing.fuzz.OpenApiFuzz;
import fr.hubag.testing.fuzz.OpenApiFuzzCases;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.hubag.sessions.api.SessionsTestSupport.as;
import static fr.hubag.sessions.api.SessionsTestSupport.enrolment;
import static fr.hubag.sessions.api.SessionsTestSupport.schedule;
import static fr.hubag.sessions.api.SessionsTestSupport.workshop;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the sessions' OpenAPI fuzzed from a valid body, one member broken at a time and then several
 * (issue 9): no 5xx, every refusal a problem document, every malformed write a 4xx, nothing stored.
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "sessions"))
class OpenApiFuzzTest {

    @Test
    void everyOperationRefusesMalformedInputAndStoresNothing() {
        String gf = TestTokens.coordinator("GF");
        String session = schedule(gf, workshop("GF", "2030-04-01T09:00", 20));
        UUID beneficiary = UUID.randomUUID();
        as(gf).body(enrolment(beneficiary)).post("/api/sessions/" + session + "/enrolments").then().statusCode(201);

        Map<String, String> bodies = new java.util.HashMap<>(Map.of(
                "POST /api/sessions", workshop("GF", "2030-04-02T09:00", 20),
                "POST /api/sessions/{id}/reschedule", "{\"start\": \"2030-04-01T10:00\", \"durationMinutes\": 90}",
                "POST /api/sessions/{id}/cancel", "{\"reason\": \"salle indisponible\"}",
                "POST /api/sessions/{id}/enrolments", enrolment(UUID.randomUUID()),
                "POST /api/sessions/{id}/attendance", "{\"participants\": [{\"beneficiaryId\": \"" + beneficiary
                        + "\", \"attendance\": \"seen\", \"autonomy\": \"autonome\"}], \"complete\": true}",
                "POST /api/sessions/activity-reports", ActivityReportResourceTest.workshopReport("GF", "97302"),
                "PUT /api/sessions/activity-reports/{id}", ActivityReportResourceTest.individualReport("GF", "97302",
                        beneficiary),
                "POST /api/sessions/beneficiaries", BeneficiariesTestSupport.registration(),
                "PUT /api/sessions/beneficiaries/{beneficiaryId}/personal-data",
                BeneficiariesTestSupport.person("Alix Exemple", "+594 694 00 00 01", "alix@exemple.fr"),
                "POST /api/sessions/beneficiaries/{beneficiaryId}/consents",
                "{\"purpose\": \"recontact\", \"givenOn\": \"2026-11-28\"}"));
        bodies.putAll(Map.of(
                "POST /api/sessions/referrals", ReferralsTestSupport.referral("GF", beneficiary.toString()),
                "POST /api/sessions/referrals/{id}/refuse", "{\"reason\": \"doublon\"}",
                "POST /api/sessions/referrals/{id}/assign", "{\"sessionId\": \"" + session + "\"}",
                "POST /api/sessions/referrals/{id}/outcome", "{\"outcome\": \"redirected\", "
                        + "\"redirectedTo\": \"aide_sociale\"}"));
        List<FuzzRequest> cases = new OpenApiFuzzCases(OpenApiFuzz.servedDocument(),
                Map.of("id", session, "beneficiaryId", beneficiary.toString()), bodies, OpenApiFuzz.SEED).cases(300);
        OpenApiFuzz.Report report = new OpenApiFuzz("sessions", TestTokens.hubAdmin()).run(cases);

        System.out.println(report.summary());
        assertThat(report.failures()).as(report.summary()).isEmpty();
        assertThat(report.storedRows()).isZero();
    }
}
