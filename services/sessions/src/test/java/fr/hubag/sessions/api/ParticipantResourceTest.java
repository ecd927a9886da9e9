package fr.hubag.sessions.api;

import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static fr.hubag.sessions.api.SessionsTestSupport.ACTOR;
import static fr.hubag.sessions.api.SessionsTestSupport.as;
import static fr.hubag.sessions.api.SessionsTestSupport.enrolment;
import static fr.hubag.sessions.api.SessionsTestSupport.schedule;
import static fr.hubag.sessions.api.SessionsTestSupport.workshop;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Enrolment, waiting list, withdrawal with promotion, and attendance over HTTP: seats then the waiting list, never
 * twice; the first waiting person takes a freed seat; attendance refused before the start and taken after, then the
 * session completed.
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "sessions"))
class ParticipantResourceTest {

    private static final UUID ANNE = UUID.randomUUID();
    private static final UUID BRUNO = UUID.randomUUID();
    private static final UUID CLARA = UUID.randomUUID();

    @Test
    void seatsThenTheWaitingListThenAPromotionWhenSomeoneWithdraws() {
        String mediator = TestTokens.mediatorAt("GF", ACTOR);
        String id = schedule(mediator, workshop("GF", "2030-01-15T09:00", 1));
        String enrolments = "/api/sessions/" + id + "/enrolments";

        as(mediator).body(enrolment(ANNE)).post(enrolments).then().statusCode(201)
                .body("status", equalTo("enrolled")).body("waitingPosition", nullValue()).body("seatsLeft", equalTo(0));
        as(mediator).body(enrolment(BRUNO)).post(enrolments).then().statusCode(201)
                .body("status", equalTo("waiting")).body("waitingPosition", equalTo(1));
        as(mediator).body(enrolment(CLARA)).post(enrolments).then().statusCode(201)
                .body("status", equalTo("waiting")).body("waitingPosition", equalTo(2));
        as(mediator).body(enrolment(BRUNO)).post(enrolments).then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("already-enrolled"));

        as(mediator).delete(enrolments + "/" + ANNE).then().statusCode(200)
                .body("enrolled", contains(BRUNO.toString())).body("waiting", contains(CLARA.toString()));
        as(mediator).delete(enrolments + "/" + ANNE).then().statusCode(404)
                .body("code", equalTo("participant-not-found"));
        as(mediator).delete(enrolments + "/pas-un-uuid").then().statusCode(400);
    }

    @Test
    void attendanceIsRefusedBeforeTheStartAndCompletesTheSessionAfterIt() {
        String coordinator = TestTokens.coordinator("MQ");
        String future = schedule(coordinator, workshop("MQ", "2030-01-15T09:00", 10));
        as(coordinator).body(enrolment(ANNE)).post("/api/sessions/" + future + "/enrolments").then().statusCode(201);
        as(coordinator).body(presence(ANNE, "seen", "autonome", false))
                .post("/api/sessions/" + future + "/attendance").then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("session-not-started"));

        // a workshop that began an hour ago in Martinique (recorded after the fact, as mediators often do)
        String began = LocalDateTime.now(ZoneId.of("America/Martinique")).minusHours(1)
                .truncatedTo(ChronoUnit.MINUTES).toString();
        String past = schedule(coordinator, workshop("MQ", began, 10));
        String attendance = "/api/sessions/" + past + "/attendance";
        for (UUID beneficiary : List.of(ANNE, BRUNO)) {
            as(coordinator).body(enrolment(beneficiary)).post("/api/sessions/" + past + "/enrolments")
                    .then().statusCode(201);
        }
        as(coordinator).body(presence(ANNE, "seen", "partiellement_autonome", true)).post(attendance).then()
                .statusCode(422).body("code", equalTo("attendance-missing"));
        as(coordinator).body(presence(CLARA, "seen", null, false)).post(attendance).then()
                .statusCode(422).body("code", equalTo("not-enrolled"));
        as(coordinator).body(presence(ANNE, "present", null, false)).post(attendance).then()
                .statusCode(400).body("errors[0].field", equalTo("participants[0].attendance"));
        as(coordinator).body("{\"participants\": [{\"beneficiaryId\": \"" + ANNE + "\", \"attendance\": \"seen\","
                        + " \"autonomy\": \"autonome\"}, {\"beneficiaryId\": \"" + BRUNO + "\", \"attendance\": "
                        + "\"noshow\"}], \"complete\": true}").post(attendance).then().statusCode(200)
                .body("status", equalTo("completed"))
                .body("attendance.attendance", contains("seen", "noshow"))
                .body("attendance.autonomy", contains("autonome", null));
        as(coordinator).body(presence(BRUNO, "excused", null, false)).post(attendance).then().statusCode(409)
                .body("code", equalTo("session-completed"));
    }

    private static String presence(UUID beneficiary, String attendance, String autonomy, boolean complete) {
        return "{\"participants\": [{\"beneficiaryId\": \"" + beneficiary + "\", \"attendance\": \"" + attendance
                + "\"" + (autonomy == null ? "" : ", \"autonomy\": \"" + autonomy + "\"") + "}], \"complete\": "
                + complete + "}";
    }
}
