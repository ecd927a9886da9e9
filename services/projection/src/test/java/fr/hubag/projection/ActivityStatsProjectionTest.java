package fr.hubag.projection;

import fr.hubag.contracts.sessions.ActivityOrigin;
import fr.hubag.contracts.sessions.ActivityParticipant;
import fr.hubag.contracts.sessions.AgeBand;
import fr.hubag.contracts.sessions.Attendance;
import fr.hubag.contracts.sessions.BeneficiaryEvent.BeneficiaryErased;
import fr.hubag.contracts.sessions.BeneficiaryEvent.BeneficiaryRegistered;
import fr.hubag.contracts.sessions.Gender;
import fr.hubag.contracts.sessions.HeadCounts;
import fr.hubag.contracts.sessions.PlaceType;
import fr.hubag.contracts.sessions.SessionEvent.ActivityRecorded;
import fr.hubag.contracts.sessions.SessionEvent.AttendanceRecorded;
import fr.hubag.contracts.sessions.SessionEvent.ParticipantEnrolled;
import fr.hubag.contracts.sessions.SessionEvent.SessionCompleted;
import fr.hubag.contracts.sessions.SessionType;
import fr.hubag.contracts.sessions.SocialStatus;
import fr.hubag.contracts.sessions.Theme;
import fr.hubag.contracts.sessions.Venue;
import fr.hubag.domain.Territory;
import fr.hubag.eventsourcing.consumer.ConsumedEvent;
import fr.hubag.projection.sessions.projector.SessionsProjector;
import fr.hubag.projection.shared.rebuild.Generations;
import fr.hubag.projection.support.Api;
import fr.hubag.projection.support.ApplyAgain;
import fr.hubag.projection.support.SessionStream;
import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.hubag.projection.support.Api.await;
import static fr.hubag.projection.support.Sessions.AT;
import static fr.hubag.projection.support.Sessions.activity;
import static fr.hubag.projection.support.Sessions.workshop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Activity statistics: given activity reports, a corrected report, a completed session and beneficiaries' records,
 * when the statistics are asked, then the national tool's counts. The scenario's dates are in March 1998 in
 * Guadeloupe, which no other test uses (the database and topic are shared).
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "projection"))
class ActivityStatsProjectionTest {

    static final String RANGE = "?from=1998-03-01&to=1998-03-31";

    @Inject
    Pool pool;
    @Inject
    SessionsProjector projector;
    @Inject
    Generations generations;

    @Test
    void countsEachActivityOnceInTheNationalToolsShapeAndSurvivesReplayAndErasure() {
        SessionStream retired = SessionStream.beneficiary("GP");
        retired.publish(new BeneficiaryRegistered(retired.id(), Territory.GP, UUID.randomUUID(),
                AgeBand.SOIXANTE_SOIXANTE_NEUF, "97120", SocialStatus.RETRAITE, Gender.FEMININ, AT));
        UUID unknown = UUID.randomUUID(); // named, but no record here: counted non_communique
        UUID third = UUID.randomUUID();
        UUID noShow = UUID.randomUUID();

        // an individual accompaniment of 20 minutes at home, of someone counted without a name
        SessionStream individual = SessionStream.report("GP");
        individual.publish(activity(individual, "GP", SessionType.INDIVIDUEL, LocalDate.parse("1998-03-02"), 20,
                Venue.of(PlaceType.DOMICILE), List.of(Theme.SANTE), List.of(),
                HeadCounts.complete(1, 0, Map.of(), Map.of(AgeBand.DIX_HUIT_VINGT_QUATRE, 1), Map.of())));
        // a workshop reported, then corrected: only the correction counts
        SessionStream workshopReport = SessionStream.report("GP");
        List<ActivityParticipant> named = List.of(new ActivityParticipant(retired.id(), null),
                new ActivityParticipant(unknown, null));
        workshopReport.publish(activity(workshopReport, "GP", SessionType.COLLECTIF, LocalDate.parse("1998-03-05"),
                90, Venue.inCommune("97120"), List.of(Theme.EMAIL, Theme.NAVIGATION_SUR_INTERNET), named,
                HeadCounts.complete(3, 0, Map.of(), Map.of(), Map.of())));
        workshopReport.publish(activity(workshopReport, "GP", SessionType.COLLECTIF, LocalDate.parse("1998-03-05"),
                130, Venue.inCommune("97120"), List.of(Theme.EMAIL), named,
                HeadCounts.complete(2, 1, Map.of(Gender.MASCULIN, 2), Map.of(),
                        Map.of(SocialStatus.SCOLARISE, 1))));
        // a workshop scheduled, attended by two of three and completed: its own activity
        SessionStream session = SessionStream.session("GP");
        session.publish(workshop(session, "GP", "Bureautique", Venue.atActor(UUID.randomUUID()),
                List.of(Theme.BUREAUTIQUE), null, LocalDateTime.parse("1998-03-10T14:00"), 10));
        for (UUID person : List.of(retired.id(), third, noShow)) {
            session.publish(new ParticipantEnrolled(session.id(), person, AT));
        }
        session.publish(new AttendanceRecorded(session.id(), retired.id(), Attendance.SEEN, null, AT));
        session.publish(new AttendanceRecorded(session.id(), third, Attendance.SEEN, null, AT));
        session.publish(new AttendanceRecorded(session.id(), noShow, Attendance.NOSHOW, null, AT));
        session.publish(new SessionCompleted(session.id(), 3, 2, AT));
        session.publish(new ActivityRecorded(session.id(), ActivityOrigin.SESSION, Territory.GP,
                fr.hubag.projection.support.Sessions.ACTOR, SessionType.COLLECTIF, LocalDate.parse("1998-03-10"), 120,
                Venue.atActor(UUID.randomUUID()), List.of(), List.of(Theme.BUREAUTIQUE), "Bureautique", null,
                fr.hubag.projection.support.Sessions.MEDIATOR, null, List.of(new ActivityParticipant(retired.id(),
                null), new ActivityParticipant(third, null)), HeadCounts.NONE, null, AT));
        // outside the range
        SessionStream april = SessionStream.report("GP");
        april.publish(activity(april, "GP", SessionType.INDIVIDUEL, LocalDate.parse("1998-04-01"), 45,
                Venue.of(PlaceType.A_DISTANCE), List.of(Theme.EMAIL), List.of(),
                HeadCounts.complete(1, 0, Map.of(), Map.of(), Map.of())));

        String coordinator = TestTokens.coordinator("GP");
        ValidatableResponse stats = await(coordinator, "/territories/GP/sessions/stats" + RANGE,
                r -> r.extract().path("activities.total").equals(3)
                        && r.extract().path("activities.byDuration.'120+'").equals(2)
                        && r.extract().path("attendance.sessionsCompleted").equals(1)
                        && r.extract().path("participants.byAgeBand.soixante_soixante_neuf").equals(2));
        expectScenario(stats.statusCode(200).body("territory", equalTo("GP")));
        String answer = stats.extract().asString();
        for (UUID person : List.of(retired.id(), unknown, third, noShow)) {
            assertThat(answer).doesNotContain(person.toString());
        }
        // hub-wide: the same figures (no other test has activities in March 1998)
        expectScenario(Api.get(TestTokens.hubAdmin(), "/hub/sessions/stats" + RANGE).statusCode(200)
                .body("territory", equalTo("hub")));
        Api.get(TestTokens.coordinator("MQ"), "/territories/MQ/sessions/stats" + RANGE).statusCode(200)
                .body("activities.total", equalTo(0)).body("participants.total", equalTo(0))
                .body("attendance.attendanceRate", nullValue());

        // the same events again, straight to the tables and past the consumer's marks: nothing changes
        ApplyAgain.sessions(pool, projector, generations, retired.published(), individual.published(),
                workshopReport.published(), session.published(), april.published());
        // the first report of the corrected activity alone, after its correction: the correction stays
        ApplyAgain.sessions(pool, projector, generations, workshopReport.published().subList(0, 1));
        // and redelivered through Kafka with their ids: dropped by the consumer
        for (ConsumedEvent event : workshopReport.published()) {
            workshopReport.redeliver(event);
        }
        assertThat(Api.get(coordinator, "/territories/GP/sessions/stats" + RANGE).extract().asString())
                .isEqualTo(answer);

        // erasure: the person's record goes, the counts stay
        retired.publish(new BeneficiaryErased(retired.id(), AT));
        awaitGone(retired.id());
        assertThat(Api.get(coordinator, "/territories/GP/sessions/stats" + RANGE).extract().asString())
                .isEqualTo(answer);
    }

    private static void expectScenario(ValidatableResponse stats) {
        stats.body("from", equalTo("1998-03-01")).body("to", equalTo("1998-03-31"))
                .body("activities.total", equalTo(3))
                .body("activities.byType.individuel", equalTo(1)).body("activities.byType.collectif", equalTo(2))
                .body("activities.byTheme.sante", equalTo(1)).body("activities.byTheme.email", equalTo(1))
                .body("activities.byTheme.bureautique", equalTo(1))
                .body("activities.byTheme.navigation_sur_internet", equalTo(0))
                .body("activities.byPlaceType.domicile", equalTo(1)).body("activities.byPlaceType.autre", equalTo(1))
                .body("activities.byPlaceType.lieu_activite", equalTo(1))
                .body("activities.byPlaceType.a_distance", equalTo(0))
                .body("activities.byDuration.'0-30'", equalTo(1)).body("activities.byDuration.'30-60'", equalTo(0))
                .body("activities.byDuration.'60-120'", equalTo(0)).body("activities.byDuration.'120+'", equalTo(2))
                .body("participants.total", equalTo(7)).body("participants.named", equalTo(4))
                .body("participants.anonymous", equalTo(3)).body("participants.alreadyAccompanied", equalTo(1))
                .body("participants.byAgeBand.soixante_soixante_neuf", equalTo(2))
                .body("participants.byAgeBand.dix_huit_vingt_quatre", equalTo(1))
                .body("participants.byAgeBand.non_communique", equalTo(4))
                .body("participants.byAgeBand.moins_de_douze", equalTo(0))
                .body("participants.byGender.feminin", equalTo(2)).body("participants.byGender.masculin", equalTo(2))
                .body("participants.byGender.non_communique", equalTo(3))
                .body("participants.bySocialStatus.retraite", equalTo(2))
                .body("participants.bySocialStatus.scolarise", equalTo(1))
                .body("participants.bySocialStatus.non_communique", equalTo(4))
                .body("attendance.sessionsCompleted", equalTo(1)).body("attendance.participants", equalTo(3))
                .body("attendance.byAttendance.seen", equalTo(2)).body("attendance.byAttendance.noshow", equalTo(1))
                .body("attendance.byAttendance.excused", equalTo(0))
                .body("attendance.attendanceRate", equalTo(0.6667f)).body("attendance.noShowRate", equalTo(0.3333f));
    }

    /** Until the erasure is applied: no record of the person, and their id nowhere in the tables. */
    private void awaitGone(UUID person) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            long left = pool.preparedQuery("SELECT (SELECT count(*) FROM gp.activity_beneficiaries WHERE "
                            + "beneficiary_id = $1) + (SELECT count(*) FROM gp.activity_participants WHERE "
                            + "beneficiary_id = $1) + (SELECT count(*) FROM hub.session_attendance WHERE "
                            + "beneficiary_id = $1) + (SELECT count(*) FROM hub.session_seats WHERE beneficiary_id = $1)")
                    .execute(Tuple.of(person)).await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0);
            if (left == 0) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("the erasure of " + person + " was not applied in 20 s");
    }

    @Test
    void staffOfTheTerritoryReadTheStatisticsOthersDoNot() {
        String gp = "/territories/GP/sessions/stats";
        Api.get(null, gp).statusCode(401);
        Map<String, Integer> rows = Map.of(
                TestTokens.coordinator("GP"), 200, TestTokens.coordinator("GF"), 403,
                TestTokens.of("mediator", "GP"), 200, TestTokens.of("mediator", "MQ"), 403,
                TestTokens.of("analyst", "GP"), 200, TestTokens.of("analyst", "MF"), 403,
                TestTokens.hubAdmin(), 200, TestTokens.of("hub-admin", "GF"), 403,
                TestTokens.of("partner", "GP"), 403);
        rows.forEach((token, status) -> Api.get(token, gp).statusCode(status));

        String hub = "/hub/sessions/stats";
        Api.get(null, hub).statusCode(401);
        String[] all = {"GP", "GF", "MQ", "MF"};
        Map<String, Integer> hubRows = Map.of(
                TestTokens.hubAdmin(), 200, TestTokens.of("analyst", all), 200, TestTokens.of("coordinator", all), 200,
                TestTokens.of("mediator", all), 200, TestTokens.coordinator("GP"), 403,
                TestTokens.of("analyst", "GP"), 403, TestTokens.of("partner", all), 403);
        hubRows.forEach((token, status) -> Api.get(token, hub).statusCode(status));
    }

    @Test
    void badRangesAreNamed() {
        String token = TestTokens.hubAdmin();
        Api.get(token, "/territories/GP/sessions/stats?from=1998-02-30&to=soon").statusCode(400)
                .contentType("application/problem+json");
        Api.get(token, "/hub/sessions/stats?from=1998-03-02&to=1998-03-01").statusCode(400)
                .body("errors[0].field", equalTo("to"));
        Api.get(token, "/territories/XX/sessions/stats").statusCode(400);
    }
}
