package fr.hubag.projection;

import fr.hubag.contracts.sessions.BeneficiaryEvent.BeneficiaryErased;
import fr.hubag.contracts.sessions.RedirectionStructure;
import fr.hubag.contracts.sessions.ReferralEvent.ReferralAccepted;
import fr.hubag.contracts.sessions.ReferralEvent.ReferralAssigned;
import fr.hubag.contracts.sessions.ReferralEvent.ReferralExpired;
import fr.hubag.contracts.sessions.ReferralEvent.ReferralOutcomeRecorded;
import fr.hubag.contracts.sessions.ReferralEvent.ReferralRefused;
import fr.hubag.contracts.sessions.ReferralEvent.ReferralSubmitted;
import fr.hubag.contracts.sessions.ReferralOutcome;
import fr.hubag.contracts.sessions.ReferralReason;
import fr.hubag.contracts.sessions.RefusalReason;
import fr.hubag.contracts.sessions.Theme;
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

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static fr.hubag.projection.support.Api.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * Referrals: given partners' referrals in Guyane and Martinique and what hub staff did with them, when each caller
 * lists them, then a partner sees its own with their outcome, staff every one of their territories, a mediator those
 * assigned to their actor, an analyst none; replays change nothing; an erased person's id leaves the rows. Each
 * test's partners and actors are its own (the database and topic are shared).
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "projection"))
class ReferralProjectionTest {

    private static final Instant T0 = Instant.parse("2026-11-02T13:00:00Z");

    @Inject
    Pool pool;
    @Inject
    SessionsProjector projector;
    @Inject
    Generations generations;

    @Test
    void eachCallerReadsTheReferralsItMayWithTheirOutcome() {
        String caf = "caf-" + UUID.randomUUID();
        String franceTravail = "france-travail-" + UUID.randomUUID();
        UUID actor = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        UUID person = UUID.randomUUID();

        SessionStream autonomous = submitted("GF", caf, person, 0);
        autonomous.publish(new ReferralAccepted(autonomous.id(), caf, Territory.GF, T0.plusSeconds(60)));
        autonomous.publish(new ReferralAssigned(autonomous.id(), caf, Territory.GF, actor, session,
                T0.plusSeconds(120)));
        autonomous.publish(new ReferralOutcomeRecorded(autonomous.id(), caf, Territory.GF, ReferralOutcome.AUTONOMOUS,
                null, T0.plusSeconds(180)));
        SessionStream refused = submitted("GF", caf, UUID.randomUUID(), 10);
        refused.publish(new ReferralRefused(refused.id(), caf, Territory.GF, RefusalReason.HORS_PERIMETRE,
                T0.plusSeconds(200)));
        SessionStream redirected = submitted("GF", franceTravail, UUID.randomUUID(), 20);
        redirected.publish(new ReferralAccepted(redirected.id(), franceTravail, Territory.GF, T0.plusSeconds(300)));
        redirected.publish(new ReferralOutcomeRecorded(redirected.id(), franceTravail, Territory.GF,
                ReferralOutcome.REDIRECTED, RedirectionStructure.values()[0], T0.plusSeconds(400)));
        SessionStream expired = submitted("MQ", caf, UUID.randomUUID(), 30);
        expired.publish(new ReferralExpired(expired.id(), caf, Territory.MQ, 30, T0.plusSeconds(500)));
        List<SessionStream> all = List.of(autonomous, refused, redirected, expired);

        String cafGf = TestTokens.forSubject(caf, "partner", "GF");
        String gf = "/territories/GF/sessions/referrals";
        ValidatableResponse own = await(cafGf, gf, r -> "closed".equals(r.extract().path("items[0].status"))
                && "refused".equals(r.extract().path("items[1].status")));
        own.statusCode(200).body("territory", equalTo("GF"))
                .body("items.referralId", contains(id(autonomous), id(refused)))
                .body("items[0].outcome", equalTo("autonomous")).body("items[0].partner", equalTo(caf))
                .body("items[0].beneficiaryId", equalTo(person.toString()))
                .body("items[0].assignedActorId", equalTo(actor.toString()))
                .body("items[0].assignedSessionId", equalTo(session.toString()))
                .body("items[0].submittedAt", equalTo("2026-11-02T13:00:00Z"))
                .body("items[0].acceptedAt", equalTo("2026-11-02T13:01:00Z"))
                .body("items[0].closedAt", equalTo("2026-11-02T13:03:00Z"))
                .body("items[1].refusalReason", equalTo("hors_perimetre"))
                .body("items[1].reason", equalTo("demarche_en_ligne"));
        String answer = own.extract().asString();
        await(TestTokens.hubAdmin(), "/hub/sessions/referrals?partner=" + caf,
                r -> r.extract().path("items.size()").equals(3));
        await(TestTokens.hubAdmin(), "/hub/sessions/referrals?partner=" + franceTravail,
                r -> "closed".equals(r.extract().path("items[0].status")));

        // a partner: its own, in the territories of its token; another partner's never
        Api.get(TestTokens.forSubject(caf, "partner", "GF", "MQ"), "/hub/sessions/referrals").statusCode(200)
                .body("territory", equalTo("hub"))
                .body("items.referralId", contains(id(autonomous), id(refused), id(expired)))
                .body("items[2].status", equalTo("expired")).body("items[2].expiredAfterDays", equalTo(30));
        Api.get(TestTokens.forSubject(caf, "partner", "GF"), "/hub/sessions/referrals?partner=" + franceTravail)
                .statusCode(200).body("items.referralId", contains(id(autonomous), id(refused)));
        Api.get(cafGf, "/territories/MQ/sessions/referrals").statusCode(403);
        Api.get(TestTokens.forSubject(franceTravail, "partner", "GF"), gf).statusCode(200)
                .body("items.referralId", contains(id(redirected)))
                .body("items[0].outcome", equalTo("redirected"))
                .body("items[0].redirectedTo", equalTo(RedirectionStructure.values()[0].code()));
        // staff: every referral of their territories; filters
        Api.get(TestTokens.coordinator("GF"), gf + "?partner=" + caf).statusCode(200)
                .body("items.referralId", contains(id(autonomous), id(refused)));
        Api.get(TestTokens.coordinator("GF"), "/hub/sessions/referrals?partner=" + caf).statusCode(200)
                .body("items.referralId", contains(id(autonomous), id(refused)));
        Api.get(TestTokens.hubAdmin(), "/hub/sessions/referrals?status=closed&partner=" + franceTravail)
                .statusCode(200).body("items.referralId", contains(id(redirected)));
        Api.get(TestTokens.hubAdmin(), "/hub/sessions/referrals?outcome=autonomous&partner=" + caf)
                .statusCode(200).body("items.referralId", contains(id(autonomous)));
        Api.get(cafGf, gf + "?changedSince=2026-11-02T13:03:10Z").statusCode(200)
                .body("items.referralId", contains(id(refused)));
        // a mediator: those assigned to their actor
        Api.get(TestTokens.mediatorAt("GF", actor.toString()), gf).statusCode(200)
                .body("items.referralId", contains(id(autonomous)));
        Api.get(TestTokens.of("mediator", "GF"), gf).statusCode(200).body("items", hasSize(0));
        // analysts: none; no token: 401
        Api.get(TestTokens.of("analyst", "GF"), gf).statusCode(403);
        Api.get(TestTokens.of("analyst", "GP", "GF", "MQ", "MF"), "/hub/sessions/referrals").statusCode(403);
        Api.get(null, gf).statusCode(401);
        Api.get(null, "/hub/sessions/referrals").statusCode(401);

        // the same events again past the marks, an older one after the newer, and redelivered: nothing changes
        List<List<ConsumedEvent>> published = new ArrayList<>();
        all.forEach(stream -> published.add(stream.published()));
        ApplyAgain.sessions(pool, projector, generations, published.toArray(List[]::new));
        ApplyAgain.sessions(pool, projector, generations, autonomous.published().subList(1, 2));
        for (ConsumedEvent event : autonomous.published()) {
            autonomous.redeliver(event);
        }
        assertThat(Api.get(cafGf, gf).extract().asString()).isEqualTo(answer);

        // the person is erased: their referral stays, without their id
        SessionStream.beneficiary(person, "GF").publish(new BeneficiaryErased(person, T0.plusSeconds(900)));
        await(cafGf, gf, r -> Boolean.TRUE.equals(r.extract().path("items[0].beneficiaryErased")))
                .body("items[0].beneficiaryId", nullValue()).body("items[0].outcome", equalTo("autonomous"))
                .body("items[1].beneficiaryErased", equalTo(false));
    }

    @Test
    void pagesFollowTheOrderOfChangesAndBadParametersAreNamed() {
        String partner = "caf-" + UUID.randomUUID();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(id(submitted("MF", partner, UUID.randomUUID(), i)));
        }
        String token = TestTokens.forSubject(partner, "partner", "MF");
        String first = "/territories/MF/sessions/referrals?size=2";
        await(token, first.replace("size=2", "size=10"), r -> r.extract().path("items.size()").equals(5));
        List<String> seen = new ArrayList<>();
        String next = Api.BASE + first;
        int pages = 0;
        while (next != null) {
            ValidatableResponse page = Api.as(token).get(next).then().statusCode(200);
            seen.addAll(page.extract().path("items.referralId"));
            next = page.extract().path("next");
            pages++;
        }
        assertThat(seen).isEqualTo(ids);
        assertThat(pages).isEqualTo(3);

        Api.get(token, "/territories/MF/sessions/referrals?status=lost&outcome=gone&changedSince=yesterday"
                + "&size=201&cursor=abc").statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("status", "outcome", "changedSince", "size", "cursor"));
        Api.get(token, "/territories/XX/sessions/referrals").statusCode(400);
    }

    /** A referral submitted {@code seconds} after T0, for a reason and themes. */
    private static SessionStream submitted(String territory, String partner, UUID person, int seconds) {
        SessionStream stream = SessionStream.referral(territory);
        stream.publish(new ReferralSubmitted(stream.id(), partner, Territory.parse(territory).orElseThrow(), person,
                ReferralReason.DEMARCHE_EN_LIGNE, List.of(Theme.AIDE_AUX_DEMARCHES_ADMINISTRATIVES),
                T0.plusSeconds(seconds)));
        return stream;
    }

    private static String id(SessionStream stream) {
        return stream.id().toString();
    }
}
