package fr.hubag.sessions.api;

import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static fr.hubag.sessions.api.ActivityReportResourceTest.individualReport;
import static fr.hubag.sessions.api.ActivityReportResourceTest.workshopReport;
import static fr.hubag.sessions.api.BatchesTestSupport.BATCHES;
import static fr.hubag.sessions.api.BatchesTestSupport.anHourAgo;
import static fr.hubag.sessions.api.BatchesTestSupport.attendanceItem;
import static fr.hubag.sessions.api.BatchesTestSupport.batch;
import static fr.hubag.sessions.api.BatchesTestSupport.events;
import static fr.hubag.sessions.api.BatchesTestSupport.eventsOfItem;
import static fr.hubag.sessions.api.BatchesTestSupport.reportItem;
import static fr.hubag.sessions.api.SessionsTestSupport.ACTOR;
import static fr.hubag.sessions.api.SessionsTestSupport.as;
import static fr.hubag.sessions.api.SessionsTestSupport.enrolment;
import static fr.hubag.sessions.api.SessionsTestSupport.schedule;
import static fr.hubag.sessions.api.SessionsTestSupport.workshop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;

/**
 * Offline batches as a mediator's phone sends them on a poor connection: one bad item among good ones, the same
 * batch sent again (in sequence and by concurrent requests) applying each item once — counted in the event store —
 * an item id reused for other content, items keeping their own time, attendance from a batch, and batches that are
 * no batch (400, 413, nothing stored).
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "sessions"))
class OfflineBatchTest {

    @Inject
    Pool pool;

    @Test
    void oneBadItemIsRejectedAloneAndTheSameBatchSentAgainAppendsNothing() {
        String mediator = TestTokens.mediatorAt("GF", ACTOR);
        List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID());
        String tomorrow = LocalDate.now(ZoneId.of("America/Cayenne")).plusDays(1).toString();
        String body = batch(
                reportItem(ids.get(0), anHourAgo(), individualReport("GF", "97302", UUID.randomUUID())),
                reportItem(ids.get(1), anHourAgo(), workshopReport("GF", "97302")),
                reportItem(ids.get(2), anHourAgo(), individualReport("GF", "97302", UUID.randomUUID())
                        .replaceFirst("\"date\": \"[0-9-]+\"", "\"date\": \"" + tomorrow + "\"")),
                reportItem(ids.get(3), anHourAgo(), workshopReport("GF", "97311")),
                reportItem(ids.get(4), anHourAgo(), workshopReport("GF", "97302")
                        .replace("\"durationMinutes\": 120", "\"durationMinutes\": \"deux heures\"")),
                reportItem(ids.get(5), anHourAgo(), individualReport("GF", "97307", UUID.randomUUID())));
        long before = events(pool);

        JsonPath first = as(mediator).body(body).post(BATCHES).then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("items.status")).containsExactly("created", "created", "rejected", "created",
                "rejected", "created");
        assertThat(first.getInt("created")).isEqualTo(4);
        assertThat(first.getInt("rejected")).isEqualTo(2);
        assertThat(first.getString("items[2].problem.code")).isEqualTo("activity-in-future");
        assertThat(first.getInt("items[2].problem.status")).isEqualTo(422);
        assertThat(first.getString("items[2].problem.errors[0].field")).isEqualTo("items[2].report.date");
        assertThat(first.getString("items[4].problem.code")).isEqualTo("malformed-item");
        assertThat(first.getString("items[4].problem.errors[0].field")).isEqualTo("items[4].report.durationMinutes");
        assertThat(first.getString("items[0].id")).isEqualTo(ids.get(0).toString());
        assertThat(events(pool) - before).isEqualTo(4);
        String location = first.getString("items[0].location");
        as(mediator).get(location).then().statusCode(200);

        JsonPath again = as(mediator).body(body).post(BATCHES).then().statusCode(200).extract().jsonPath();
        assertThat(again.getList("items.status")).containsExactly("already-recorded", "already-recorded",
                "rejected", "already-recorded", "rejected", "already-recorded");
        assertThat(again.getString("items[0].location")).isEqualTo(location);
        assertThat(again.getString("items[2].problem.code")).isEqualTo("activity-in-future");
        assertThat(events(pool) - before).as("nothing appended twice").isEqualTo(4);
        for (UUID id : ids) {
            assertThat(eventsOfItem(pool, id)).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void concurrentSendsOfTheSameBatchApplyEachItemOnce() throws Exception {
        String mediator = TestTokens.mediatorAt("GF", ACTOR);
        List<UUID> ids = new ArrayList<>();
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(UUID.randomUUID());
            items.add(reportItem(ids.get(i), anHourAgo(), i % 2 == 0
                    ? individualReport("GF", "97302", UUID.randomUUID()) : workshopReport("GF", "97302")));
        }
        String body = batch(items.toArray(String[]::new));
        long before = events(pool);

        int senders = 8;
        ExecutorService phones = Executors.newFixedThreadPool(senders);
        List<JsonPath> answers = new ArrayList<>();
        try {
            List<Future<JsonPath>> sent = new ArrayList<>();
            for (int s = 0; s < senders; s++) {
                Callable<JsonPath> send = () -> as(mediator).body(body).post(BATCHES).then().statusCode(200)
                        .extract().jsonPath();
                sent.add(phones.submit(send));
            }
            for (Future<JsonPath> answer : sent) {
                answers.add(answer.get());
            }
        } finally {
            phones.shutdown();
        }

        assertThat(events(pool) - before).as("each item appended once").isEqualTo(12);
        for (int i = 0; i < ids.size(); i++) {
            assertThat(eventsOfItem(pool, ids.get(i))).isEqualTo(1);
            int index = i;
            List<String> statuses = answers.stream().map(a -> a.getString("items[" + index + "].status")).toList();
            assertThat(statuses).as("item %d: created by exactly one request", i)
                    .containsOnly("created", "already-recorded").filteredOn("created"::equals).hasSize(1);
            assertThat(answers.stream().map(a -> a.getString("items[" + index + "].location")).distinct())
                    .hasSize(1);
        }
    }

    @Test
    void anItemIdReusedForOtherContentIsRejectedAndTheOthersApply() {
        String mediator = TestTokens.mediatorAt("GF", ACTOR);
        UUID reused = UUID.randomUUID();
        UUID fresh = UUID.randomUUID();
        String occurred = anHourAgo();
        String report = workshopReport("GF", "97302");
        as(mediator).body(batch(reportItem(reused, occurred, report))).post(BATCHES).then().statusCode(200);
        long before = events(pool);

        JsonPath answer = as(mediator).body(batch(
                        reportItem(reused, occurred, report.replace("\"durationMinutes\": 120",
                                "\"durationMinutes\": 90")),
                        reportItem(fresh, anHourAgo(), individualReport("GF", "97302", UUID.randomUUID()))))
                .post(BATCHES).then().statusCode(200).extract().jsonPath();

        assertThat(answer.getList("items.status")).containsExactly("rejected", "created");
        assertThat(answer.getString("items[0].problem.code")).isEqualTo("idempotency-key-reused");
        assertThat(answer.getInt("items[0].problem.status")).isEqualTo(409);
        assertThat(answer.getString("items[0].problem.errors[0].field")).isEqualTo("items[0].id");
        assertThat(events(pool) - before).isEqualTo(1);
        assertThat(eventsOfItem(pool, reused)).isEqualTo(1);
    }

    @Test
    void anItemSentAgainWithOtherWhiteSpaceAndKeyOrderIsTheSameItem() {
        String mediator = TestTokens.mediatorAt("GF", ACTOR);
        UUID id = UUID.randomUUID();
        String occurred = anHourAgo();
        String report = workshopReport("GF", "97302");
        as(mediator).body(batch(reportItem(id, occurred, report))).post(BATCHES).then().statusCode(200);
        String reordered = report.replace("\"genders\": {\"feminin\": 4, \"masculin\": 1}",
                        "\"genders\": {\"masculin\": 1,\n \"feminin\": 4}")
                .replace("{\"territory\": \"GF\", ", "{  ").replace("\"durationMinutes\": 120,",
                        "\"durationMinutes\": 120, \"territory\": \"GF\",");
        assertThat(reordered).isNotEqualTo(report);
        String item = "{\"occurredAt\": \"" + occurred + "\", \"report\": " + reordered
                + ", \"type\": \"activity-report\", \"id\": \"" + id.toString().toUpperCase() + "\"}";

        JsonPath again = as(mediator).body(batch(item)).post(BATCHES).then().statusCode(200).extract().jsonPath();
        assertThat(again.getString("items[0].status")).isEqualTo("already-recorded");
        assertThat(eventsOfItem(pool, id)).isEqualTo(1);
    }

    @Test
    void itemsKeepTheirOwnTimeWithinBounds() {
        String mediator = TestTokens.mediatorAt("GF", ACTOR);
        UUID id = UUID.randomUUID();
        String threeDaysAgo = OffsetDateTime.now(ZoneId.of("America/Cayenne")).minusDays(3)
                .truncatedTo(ChronoUnit.SECONDS).toString();
        String report = individualReport("GF", "97302", UUID.randomUUID());
        JsonPath answer = as(mediator).body(batch(
                        reportItem(id, threeDaysAgo, report),
                        reportItem(UUID.randomUUID(), OffsetDateTime.now().plusHours(1).toString(),
                                individualReport("GF", "97302", UUID.randomUUID())),
                        reportItem(UUID.randomUUID(), OffsetDateTime.now().minusDays(400).toString(),
                                individualReport("GF", "97302", UUID.randomUUID())),
                        reportItem(UUID.randomUUID(), "2026-11-25T14:03:00", report)))
                .post(BATCHES).then().statusCode(200).extract().jsonPath();

        assertThat(answer.getList("items.status")).containsExactly("created", "rejected", "rejected", "rejected");
        assertThat(answer.getString("items[1].problem.code")).isEqualTo("occurred-in-future");
        assertThat(answer.getString("items[2].problem.code")).isEqualTo("occurred-too-long-ago");
        assertThat(answer.getString("items[3].problem.errors[0].field")).isEqualTo("items[3].occurredAt");
        Row stored = pool.preparedQuery("SELECT occurred_at, recorded_at FROM es_events "
                        + "WHERE metadata->>'idempotencyKey' = $1").execute(Tuple.of("offline:" + id))
                .await().indefinitely().iterator().next();
        assertThat(stored.getOffsetDateTime("occurred_at").toInstant())
                .isEqualTo(OffsetDateTime.parse(threeDaysAgo).toInstant());
        assertThat(stored.getOffsetDateTime("recorded_at").toInstant())
                .isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
    }

    @Test
    void attendanceFromABatchStopsAtARejectedItemOfTheSameSession() {
        String mediator = TestTokens.mediatorAt("MQ", ACTOR);
        String began = LocalDateTime.now(ZoneId.of("America/Martinique")).minusHours(3)
                .truncatedTo(ChronoUnit.MINUTES).toString();
        String session = schedule(mediator, workshop("MQ", began, 10));
        UUID anne = UUID.randomUUID();
        UUID bruno = UUID.randomUUID();
        for (UUID person : List.of(anne, bruno)) {
            as(mediator).body(enrolment(person)).post("/api/sessions/" + session + "/enrolments").then()
                    .statusCode(201);
        }
        String seen = "{\"participants\": [{\"beneficiaryId\": \"" + anne + "\", \"attendance\": \"seen\", "
                + "\"autonomy\": \"autonome\"}]}";
        String stranger = "{\"participants\": [{\"beneficiaryId\": \"" + UUID.randomUUID()
                + "\", \"attendance\": \"seen\"}]}";
        String complete = "{\"participants\": [{\"beneficiaryId\": \"" + bruno + "\", \"attendance\": \"noshow\"}],"
                + " \"complete\": true}";
        String malformed = seen.replace("\"seen\"", "\"present\"");
        String anHourAgo = anHourAgo();
        String body = batch(attendanceItem(UUID.randomUUID(), anHourAgo, session, seen),
                attendanceItem(UUID.randomUUID(), anHourAgo, session, malformed),
                attendanceItem(UUID.randomUUID(), anHourAgo, session, complete),
                reportItem(UUID.randomUUID(), anHourAgo, individualReport("MQ", "97209", UUID.randomUUID())));

        JsonPath answer = as(mediator).body(body).post(BATCHES).then().statusCode(200).extract().jsonPath();
        assertThat(answer.getList("items.status")).containsExactly("created", "rejected", "rejected", "created");
        assertThat(answer.getString("items[0].location")).isEqualTo("/api/sessions/" + session);
        assertThat(answer.getString("items[1].problem.errors[0].field"))
                .isEqualTo("items[1].attendance.participants[0].attendance");
        assertThat(answer.getString("items[2].problem.code")).isEqualTo("earlier-item-rejected");
        assertThat(answer.getInt("items[2].problem.status")).isEqualTo(424);

        // a rule of the domain refuses the first item on the session: the completion after it waits too
        JsonPath refused = as(mediator).body(batch(attendanceItem(UUID.randomUUID(), anHourAgo, session, stranger),
                attendanceItem(UUID.randomUUID(), anHourAgo, session, complete))).post(BATCHES).then()
                .statusCode(200).extract().jsonPath();
        assertThat(refused.getString("items[0].problem.code")).isEqualTo("not-enrolled");
        assertThat(refused.getString("items[0].problem.errors[0].field"))
                .isEqualTo("items[0].attendance.participants[0].beneficiaryId");
        assertThat(refused.getString("items[1].problem.code")).isEqualTo("earlier-item-rejected");

        // fixed on the phone: the wrong items dropped, the completion sent again under a new id
        JsonPath fixed = as(mediator).body(batch(attendanceItem(UUID.randomUUID(), anHourAgo, session, complete)))
                .post(BATCHES).then().statusCode(200).extract().jsonPath();
        assertThat(fixed.getList("items.status")).containsExactly("created");
        as(mediator).get("/api/sessions/" + session).then().statusCode(200)
                .body("status", equalTo("completed"));
        JsonPath again = as(mediator).body(body).post(BATCHES).then().statusCode(200).extract().jsonPath();
        assertThat(again.getString("items[0].status")).isEqualTo("already-recorded");
        assertThat(again.getString("items[3].status")).isEqualTo("already-recorded");
    }

    @Test
    void aBodyThatIsNoBatchIsRefusedWholeAndStoresNothing() {
        String mediator = TestTokens.mediatorAt("GF", ACTOR);
        long before = events(pool);
        as(mediator).body("{\"items\": [").post(BATCHES).then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("malformed-body"));
        as(mediator).body("{}").post(BATCHES).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("items"));
        as(mediator).body("{\"items\": []}").post(BATCHES).then().statusCode(400);
        as(mediator).body("[1, 2]").post(BATCHES).then().statusCode(400);
        as(mediator).body("{\"items\": [{}], \"extra\": 1}").post(BATCHES).then().statusCode(400);
        String[] tooMany = new String[201];
        for (int i = 0; i < tooMany.length; i++) {
            tooMany[i] = reportItem(UUID.randomUUID(), anHourAgo(), workshopReport("GF", "97302"));
        }
        as(mediator).body(batch(tooMany)).post(BATCHES).then().statusCode(413)
                .contentType("application/problem+json")
                .body("code", equalTo("batch-too-large"));
        assertThat(events(pool)).isEqualTo(before);

        JsonPath odd = as(mediator).body("{\"items\": [null, 7, {\"id\": \"x\", \"type\": \"enrolment\"}, "
                        + "{\"id\": \"" + UUID.randomUUID() + "\", \"type\": \"attendance\", \"occurredAt\": \""
                        + anHourAgo() + "\", \"report\": {}}]}")
                .post(BATCHES).then().statusCode(200).extract().jsonPath();
        assertThat(odd.getList("items.status")).containsOnly("rejected");
        assertThat(odd.getList("items[2].problem.errors.field")).contains("items[2].id", "items[2].type",
                "items[2].occurredAt");
        assertThat(odd.getList("items[3].problem.errors.field")).contains("items[3].report",
                "items[3].sessionId", "items[3].attendance");
        assertThat(events(pool)).isEqualTo(before);
    }
}
