package fr.hubag.projection;

import fr.hubag.contracts.sessions.ActivityParticipant;
import fr.hubag.contracts.sessions.Autonomy;
import fr.hubag.contracts.sessions.HeadCounts;
import fr.hubag.contracts.sessions.Level;
import fr.hubag.contracts.sessions.PlaceType;
import fr.hubag.contracts.sessions.ReferralEvent.ReferralAccepted;
import fr.hubag.contracts.sessions.ReferralEvent.ReferralSubmitted;
import fr.hubag.contracts.sessions.ReferralReason;
import fr.hubag.contracts.sessions.SessionEvent.ParticipantEnrolled;
import fr.hubag.contracts.sessions.SessionType;
import fr.hubag.contracts.sessions.Theme;
import fr.hubag.contracts.sessions.Venue;
import fr.hubag.domain.Territory;
import fr.hubag.projection.sessions.projector.SessionsProjector;
import fr.hubag.projection.shared.rebuild.Generations;
import fr.hubag.projection.support.Api;
import fr.hubag.projection.support.SessionStream;
import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.hubag.projection.support.Api.as;
import static fr.hubag.projection.support.Api.await;
import static fr.hubag.projection.support.Sessions.AT;
import static fr.hubag.projection.support.Sessions.activity;
import static fr.hubag.projection.support.Sessions.workshop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The sessions read models (agenda, statistics, trajectories, referrals) rebuild like the actors ones (they are a
 * ReadModel): from the start of sessions.events into a new generation, then the queries switch to it and answer the
 * same. Dates of its own: July 2032 and 1997.
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "projection"))
class SessionsRebuildTest {

    @Inject
    SessionsProjector projector;
    @Inject
    Generations generations;

    @Test
    void aRebuildOfTheSessionsReadModelsGivesTheSameAnswers() {
        SessionStream session = SessionStream.session("MQ");
        session.publish(workshop(session, "MQ", "Avant et après", Venue.inCommune("97209"), List.of(Theme.EMAIL),
                Level.DEBUTANT, LocalDateTime.parse("2032-07-01T09:00"), 3));
        session.publish(new ParticipantEnrolled(session.id(), UUID.randomUUID(), AT));
        SessionStream report = SessionStream.report("MQ");
        report.publish(activity(report, "MQ", SessionType.INDIVIDUEL, LocalDate.parse("1997-05-05"), 40,
                Venue.of(PlaceType.A_DISTANCE), List.of(Theme.SANTE), List.of(),
                HeadCounts.complete(1, 0, Map.of(), Map.of(), Map.of())));
        // a person's trajectory and a partner's referral of them
        UUID person = UUID.randomUUID();
        SessionStream named = SessionStream.report("MQ");
        named.publish(activity(named, "MQ", SessionType.INDIVIDUEL, LocalDate.parse("1997-05-06"), 30,
                Venue.of(PlaceType.A_DISTANCE), List.of(Theme.EMAIL),
                List.of(new ActivityParticipant(person, Autonomy.AUTONOME)), HeadCounts.NONE));
        String partner = "partner-" + UUID.randomUUID();
        SessionStream referral = SessionStream.referral("MQ");
        referral.publish(new ReferralSubmitted(referral.id(), partner, Territory.MQ, person,
                ReferralReason.AUTRE, List.of(Theme.EMAIL), AT));
        referral.publish(new ReferralAccepted(referral.id(), partner, Territory.MQ, AT));
        String agenda = "/territories/MQ/sessions/agenda?from=2032-07-01&to=2032-07-01";
        String stats = "/territories/MQ/sessions/stats?from=1997-05-01&to=1997-05-31";
        String token = TestTokens.hubAdmin();
        String agendaBefore = await(agenda, r -> r.extract().path("items[0].freeSeats").equals(2)).extract()
                .asString();
        String statsBefore = await(token, stats, r -> r.extract().path("activities.total").equals(1)).extract()
                .asString();
        String trajectory = "/territories/MQ/sessions/trajectories/" + person;
        String trajectoryBefore = await(token, trajectory, r -> r.extract().path("trajectory.sessions").equals(1))
                .extract().asString();
        String referrals = "/hub/sessions/referrals?partner=" + partner;
        String referralsBefore = await(token, referrals, r -> "accepted".equals(r.extract().path("items[0].status")))
                .extract().asString();
        int servingBefore = generations.serving(projector).number();

        ValidatableResponse started = as(token).contentType("application/json").body("{\"readModel\":\"sessions\"}")
                .post(Api.BASE + "/admin/rebuilds").then().statusCode(202).body("readModel", equalTo("sessions"));
        long id = started.extract().<Number>path("id").longValue();
        await(token, "/admin/rebuilds/" + id, r -> !List.of("CATCHING_UP", "DUAL")
                .contains(r.extract().<String>path("state"))).body("state", equalTo("SWITCHED"));

        assertThat(generations.serving(projector).number()).isGreaterThan(servingBefore);
        assertThat(Api.get(agenda).statusCode(200).extract().asString()).isEqualTo(agendaBefore);
        assertThat(Api.get(token, stats).statusCode(200).extract().asString()).isEqualTo(statsBefore);
        assertThat(Api.get(token, trajectory).statusCode(200).extract().asString()).isEqualTo(trajectoryBefore);
        assertThat(Api.get(token, referrals).statusCode(200).extract().asString()).isEqualTo(referralsBefore);
    }
}
