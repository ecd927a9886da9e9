package fr.hubag.projection;

import fr.hubag.contracts.sessions.ActivityOrigin;
import fr.hubag.contracts.sessions.ActivityParticipant;
import fr.hubag.contracts.sessions.AgeBand;
import fr.hubag.contracts.sessions.Attendance;
import fr.hubag.contracts.sessions.Autonomy;
import fr.hubag.contracts.sessions.BeneficiaryEvent.BeneficiaryErased;
import fr.hubag.contracts.sessions.BeneficiaryEvent.BeneficiaryRegistered;
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
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.hubag.projection.support.Api.await;
import static fr.hubag.projection.support.Sessions.ACTOR;
import static fr.hubag.projection.support.Sessions.AT;
import static fr.hubag.projection.support.Sessions.MEDIATOR;
import static fr.hubag.projection.support.Sessions.activity;
import static fr.hubag.projection.support.Sessions.workshop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * Trajectories: given a person's registration, activity reports naming them (one corrected), a workshop where their
 * attendance and autonomy are recorded then completed, when their trajectory is asked, then their first contact,
 * sessions, themes, autonomy over time and sessions and days to autonomy; the same after the events are applied again
 * and after the person's erasure. Guyane, February-March 1996, which no other test uses.
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "projection"))
class TrajectoryProjectionTest {

    @Inject
    Pool pool;
    @Inject
    SessionsProjector projector;
    @Inject
    Generations generations;

    @Test
    void countsSessionsAndDaysToAutonomyAndSurvivesReplayAndErasure() {
        UUID actor = UUID.randomUUID();
        SessionStream person = SessionStream.beneficiary("GF");
        person.publish(new BeneficiaryRegistered(person.id(), Territory.GF, actor, AgeBand.QUARANTE_CINQUANTE_NEUF,
                "97302", SocialStatus.SANS_EMPLOI, null, AT));
        UUID absent = UUID.randomUUID();
        UUID dropped = UUID.randomUUID();
        List<SessionStream> streams = new ArrayList<>(List.of(person));

        // 1 February: an individual accompaniment, fully accompanied
        SessionStream first = report(streams, "1996-02-01", SessionType.INDIVIDUEL, List.of(Theme.EMAIL),
                List.of(new ActivityParticipant(person.id(), Autonomy.ENTIEREMENT_ACCOMPAGNE)));
        // 10 February: a workshop; attendance first (counted before completion), then completed: one step, not two
        SessionStream session = SessionStream.session("GF");
        streams.add(session);
        session.publish(workshop(session, "GF", "Naviguer", Venue.inCommune("97302"),
                List.of(Theme.NAVIGATION_SUR_INTERNET), null, LocalDateTime.parse("1996-02-10T09:00"), 10));
        session.publish(new ParticipantEnrolled(session.id(), person.id(), AT));
        session.publish(new ParticipantEnrolled(session.id(), absent, AT));
        session.publish(new AttendanceRecorded(session.id(), person.id(), Attendance.SEEN,
                Autonomy.PARTIELLEMENT_AUTONOME, AT));
        session.publish(new AttendanceRecorded(session.id(), absent, Attendance.NOSHOW, null, AT));
        String path = "/territories/GF/sessions/trajectories/" + person.id();
        String coordinator = TestTokens.coordinator("GF");
        await(coordinator, path, r -> r.extract().path("trajectory.sessions").equals(2))
                .body("trajectory.lastAutonomy", equalTo("partiellement_autonome"));
        session.publish(new SessionCompleted(session.id(), 2, 1, AT));
        session.publish(new ActivityRecorded(session.id(), ActivityOrigin.SESSION, Territory.GF, ACTOR,
                SessionType.COLLECTIF, LocalDate.parse("1996-02-10"), 120, Venue.inCommune("97302"), List.of(),
                List.of(Theme.NAVIGATION_SUR_INTERNET), "Naviguer", null, MEDIATOR, null,
                List.of(new ActivityParticipant(person.id(), Autonomy.PARTIELLEMENT_AUTONOME)), HeadCounts.NONE,
                null, AT));
        // 2 March: a workshop report naming two, corrected to name the person alone, now autonomous
        SessionStream corrected = report(streams, "1996-03-02", SessionType.COLLECTIF,
                List.of(Theme.EMAIL, Theme.BUREAUTIQUE), List.of(new ActivityParticipant(person.id(), null),
                        new ActivityParticipant(dropped, null)));
        corrected.publish(activity(corrected, "GF", SessionType.COLLECTIF, LocalDate.parse("1996-03-02"), 60,
                Venue.of(PlaceType.A_DISTANCE), List.of(Theme.EMAIL, Theme.BUREAUTIQUE),
                List.of(new ActivityParticipant(person.id(), Autonomy.AUTONOME)), HeadCounts.NONE));
        // 20 March: autonomous again; the first time counts
        report(streams, "1996-03-20", SessionType.INDIVIDUEL, List.of(Theme.SANTE),
                List.of(new ActivityParticipant(person.id(), Autonomy.AUTONOME)));

        ValidatableResponse detail = await(coordinator, path, r -> r.extract().path("trajectory.sessions").equals(4)
                && "1996-03-20".equals(r.extract().path("trajectory.lastContact")));
        expectTrajectory(detail.statusCode(200));
        String answer = detail.extract().asString();
        Api.get(coordinator, "/territories/GF/sessions/trajectories/" + dropped).statusCode(200)
                .body("trajectory.sessions", equalTo(0)).body("steps", hasSize(0));
        Api.get(coordinator, "/territories/GF/sessions/trajectories/" + absent).statusCode(200)
                .body("trajectory.sessions", equalTo(0)).body("trajectory.firstContact", nullValue());
        // hub-wide: the same trajectory
        assertThat(Api.get(TestTokens.hubAdmin(), "/hub/sessions/trajectories/" + person.id()).statusCode(200)
                .extract().asString()).isEqualTo(answer);

        // the same events again, straight to the tables past the consumer's marks, and through Kafka: no change
        ApplyAgain.sessions(pool, projector, generations, streams.stream().map(SessionStream::published)
                .toArray(List[]::new));
        ApplyAgain.sessions(pool, projector, generations, corrected.published().subList(0, 1));
        for (ConsumedEvent event : session.published()) {
            session.redeliver(event);
        }
        assertThat(Api.get(coordinator, path).extract().asString()).isEqualTo(answer);
        Api.get(coordinator, "/territories/GF/sessions/trajectories/" + dropped).body("trajectory.sessions",
                equalTo(0));

        // erasure: the pseudonymous history stays, marked erased
        person.publish(new BeneficiaryErased(person.id(), AT));
        ValidatableResponse erased = await(coordinator, path, r -> r.extract().path("trajectory.erased")
                .equals(true));
        expectTrajectory(erased.body("trajectory.erased", equalTo(true)));
    }

    private static SessionStream report(List<SessionStream> streams, String date, SessionType type,
                                        List<Theme> themes, List<ActivityParticipant> participants) {
        SessionStream report = SessionStream.report("GF");
        streams.add(report);
        report.publish(activity(report, "GF", type, LocalDate.parse(date), 60, Venue.of(PlaceType.A_DISTANCE),
                themes, participants, HeadCounts.NONE));
        return report;
    }

    private static void expectTrajectory(ValidatableResponse detail) {
        detail.body("trajectory.territory", equalTo("GF"))
                .body("trajectory.firstContact", equalTo("1996-02-01"))
                .body("trajectory.lastContact", equalTo("1996-03-20"))
                .body("trajectory.sessions", equalTo(4))
                .body("trajectory.themes", contains("bureautique", "email", "navigation_sur_internet", "sante"))
                .body("trajectory.lastAutonomy", equalTo("autonome"))
                .body("trajectory.autonomousOn", equalTo("1996-03-02"))
                .body("trajectory.sessionsToAutonomy", equalTo(3))
                .body("trajectory.daysToAutonomy", equalTo(30)) // 1996 is a leap year
                .body("steps.date", contains("1996-02-01", "1996-02-10", "1996-03-02", "1996-03-20"))
                .body("steps.origin", contains("report", "session", "report", "report"))
                .body("steps.autonomy", contains("entierement_accompagne", "partiellement_autonome", "autonome",
                        "autonome"));
    }

    @Test
    void staffMediatorsAndAnalystsOfTheTerritoryReadTrajectoriesPartnersDoNot() {
        SessionStream person = SessionStream.beneficiary("MF");
        UUID actor = UUID.randomUUID();
        person.publish(new BeneficiaryRegistered(person.id(), Territory.MF, actor, AgeBand.NON_COMMUNIQUE, null,
                SocialStatus.NON_COMMUNIQUE, null, AT));
        String one = "/territories/MF/sessions/trajectories/" + person.id();
        await(TestTokens.coordinator("MF"), one, r -> r.extract().statusCode() == 200).statusCode(200)
                .body("trajectory.actorId", equalTo(actor.toString())).body("trajectory.sessions", equalTo(0));
        Map<String, Integer> rows = Map.of(
                TestTokens.coordinator("MF"), 200, TestTokens.coordinator("GP"), 403,
                TestTokens.of("mediator", "MF"), 200, TestTokens.of("mediator", "GF"), 403,
                TestTokens.of("analyst", "MF"), 200, TestTokens.of("analyst", "MQ"), 403,
                TestTokens.hubAdmin(), 200, TestTokens.of("partner", "MF"), 403);
        rows.forEach((token, status) -> {
            Api.get(token, one).statusCode(status);
            Api.get(token, "/territories/MF/sessions/trajectories").statusCode(status);
        });
        Api.get(null, one).statusCode(401);
        Api.get(null, "/hub/sessions/trajectories").statusCode(401);
        // hub-wide: the territories the token covers
        Api.get(TestTokens.coordinator("MF"), "/hub/sessions/trajectories/" + person.id()).statusCode(200);
        Api.get(TestTokens.coordinator("GP"), "/hub/sessions/trajectories/" + person.id()).statusCode(404);
        Api.get(TestTokens.of("partner", "MF"), "/hub/sessions/trajectories").statusCode(403);

        // the list: by registering actor, a page at a time
        String list = "/territories/MF/sessions/trajectories?actor=" + actor + "&size=1";
        Api.get(TestTokens.coordinator("MF"), list).statusCode(200).body("items.beneficiaryId",
                contains(person.id().toString())).body("next", nullValue());
        Api.get(TestTokens.coordinator("MF"), list + "&autonomous=true").statusCode(200).body("items", hasSize(0));
        Api.get(TestTokens.coordinator("MF"), "/territories/MF/sessions/trajectories?actor=x&autonomous=maybe"
                + "&size=0&cursor=zz").statusCode(400).body("errors", hasSize(4));
        Api.get(TestTokens.coordinator("MF"), "/territories/MF/sessions/trajectories/not-an-id").statusCode(400);
    }

    @Test
    void theListPagesByCursorWithoutRepeatsOrGaps() {
        UUID actor = UUID.randomUUID();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            SessionStream person = SessionStream.beneficiary("MQ");
            person.publish(new BeneficiaryRegistered(person.id(), Territory.MQ, actor, AgeBand.NON_COMMUNIQUE, null,
                    SocialStatus.NON_COMMUNIQUE, null, AT));
            ids.add(person.id().toString());
        }
        String token = TestTokens.coordinator("MQ");
        String first = "/territories/MQ/sessions/trajectories?size=2&actor=" + actor;
        await(token, first.replace("size=2", "size=10"), r -> r.extract().path("items.size()").equals(5));
        List<String> seen = new ArrayList<>();
        String next = first;
        while (next != null) {
            ValidatableResponse page = Api.as(token).get(next.startsWith("/api") ? next : Api.BASE + next).then()
                    .statusCode(200);
            seen.addAll(page.extract().path("items.beneficiaryId"));
            next = page.extract().path("next");
        }
        assertThat(seen).isEqualTo(ids.stream().sorted().toList());
    }
}
