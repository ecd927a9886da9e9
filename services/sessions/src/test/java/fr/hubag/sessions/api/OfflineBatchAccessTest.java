package fr.hubag.sessions.api;

import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static fr.hubag.sessions.api.ActivityReportResourceTest.individualReport;
import static fr.hubag.sessions.api.BatchesTestSupport.BATCHES;
import static fr.hubag.sessions.api.BatchesTestSupport.anHourAgo;
import static fr.hubag.sessions.api.BatchesTestSupport.attendanceItem;
import static fr.hubag.sessions.api.BatchesTestSupport.batch;
import static fr.hubag.sessions.api.BatchesTestSupport.events;
import static fr.hubag.sessions.api.BatchesTestSupport.reportItem;
import static fr.hubag.sessions.api.SessionsTestSupport.ACTOR;
import static fr.hubag.sessions.api.SessionsTestSupport.as;
import static fr.hubag.sessions.api.SessionsTestSupport.enrolment;
import static fr.hubag.sessions.api.SessionsTestSupport.schedule;
import static fr.hubag.sessions.api.SessionsTestSupport.workshop;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may send what in a batch, role by role: each item is checked as the single endpoints check it — a mediator
 * only for the actors of their token, in its territories; a coordinator for their territory; a hub admin anywhere —
 * and an item refused for access is refused alone. Partners and analysts may not send batches at all.
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "sessions"))
class OfflineBatchAccessTest {

    private static final String OTHER_ACTOR = UUID.randomUUID().toString();

    @Inject
    Pool pool;

    /** Three reports: Guyane for the actor, Martinique for the actor, Guyane for another actor. */
    private static String threeReports() {
        return batch(reportItem(UUID.randomUUID(), anHourAgo(), individualReport("GF", "97302", UUID.randomUUID())),
                reportItem(UUID.randomUUID(), anHourAgo(), individualReport("MQ", "97209", UUID.randomUUID())),
                reportItem(UUID.randomUUID(), anHourAgo(), individualReport("GF", "97302", UUID.randomUUID())
                        .replace("\"actorId\": \"" + ACTOR + "\"", "\"actorId\": \"" + OTHER_ACTOR + "\"")));
    }

    private List<String> send(String token) {
        JsonPath answer = as(token).body(threeReports()).post(BATCHES).then().statusCode(200).extract().jsonPath();
        List<String> outcomes = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            outcomes.add("rejected".equals(answer.getString("items[" + i + "].status"))
                    ? answer.getString("items[" + i + "].problem.code") : answer.getString("items[" + i + "].status"));
        }
        return outcomes;
    }

    @Test
    void eachItemIsCheckedAsItsOwnEndpointChecksIt() {
        assertThat(send(TestTokens.mediatorAt("GF", ACTOR)))
                .containsExactly("created", "outside-territory", "forbidden-actor");
        assertThat(send(TestTokens.mediatorAt("GF", OTHER_ACTOR)))
                .containsExactly("forbidden-actor", "outside-territory", "created");
        assertThat(send(TestTokens.mediatorAt("MQ", ACTOR)))
                .containsExactly("outside-territory", "created", "outside-territory");
        assertThat(send(TestTokens.coordinator("GF"))).containsExactly("created", "outside-territory", "created");
        assertThat(send(TestTokens.coordinator("MQ")))
                .containsExactly("outside-territory", "created", "outside-territory");
        assertThat(send(TestTokens.hubAdmin())).containsExactly("created", "created", "created");
    }

    @Test
    void partnersAnalystsAndStrangersMayNotSendBatches() {
        long before = events(pool);
        as(TestTokens.of("partner", "GF")).body(threeReports()).post(BATCHES).then().statusCode(403)
                .contentType("application/problem+json");
        as(TestTokens.of("analyst", "GF")).body(threeReports()).post(BATCHES).then().statusCode(403);
        given().contentType("application/json").body(threeReports()).post(BATCHES).then().statusCode(401);
        assertThat(events(pool)).isEqualTo(before);
    }

    @Test
    void attendanceOfAnotherActorsSessionIsRefusedToAMediator() {
        String coordinator = TestTokens.coordinator("GF");
        String began = LocalDateTime.now(ZoneId.of("America/Cayenne")).minusHours(2)
                .truncatedTo(ChronoUnit.MINUTES).toString();
        String session = schedule(coordinator, workshop("GF", began, 5));
        UUID person = UUID.randomUUID();
        as(coordinator).body(enrolment(person)).post("/api/sessions/" + session + "/enrolments").then()
                .statusCode(201);
        String attendance = "{\"participants\": [{\"beneficiaryId\": \"" + person + "\", \"attendance\": \"seen\"}]}";

        JsonPath refused = as(TestTokens.mediatorAt("GF", OTHER_ACTOR))
                .body(batch(attendanceItem(UUID.randomUUID(), anHourAgo(), session, attendance)))
                .post(BATCHES).then().statusCode(200).extract().jsonPath();
        assertThat(refused.getString("items[0].problem.code")).isEqualTo("forbidden-actor");
        assertThat(refused.getInt("items[0].problem.status")).isEqualTo(403);

        JsonPath recorded = as(TestTokens.mediatorAt("GF", ACTOR))
                .body(batch(attendanceItem(UUID.randomUUID(), anHourAgo(), session, attendance)))
                .post(BATCHES).then().statusCode(200).extract().jsonPath();
        assertThat(recorded.getString("items[0].status")).isEqualTo("created");
    }
}
