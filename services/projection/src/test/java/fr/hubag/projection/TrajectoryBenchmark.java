package fr.hubag.projection;

import fr.hubag.contracts.sessions.ActivityOrigin;
import fr.hubag.contracts.sessions.ActivityParticipant;
import fr.hubag.contracts.sessions.Autonomy;
import fr.hubag.contracts.sessions.HeadCounts;
import fr.hubag.contracts.sessions.PlaceType;
import fr.hubag.contracts.sessions.SessionEvent;
import fr.hubag.contracts.sessions.SessionEvent.ActivityRecorded;
import fr.hubag.contracts.sessions.SessionEvents;
import fr.hubag.contracts.sessions.SessionType;
import fr.hubag.contracts.sessions.Theme;
import fr.hubag.contracts.sessions.Venue;
import fr.hubag.domain.Territory;
import fr.hubag.eventsourcing.codec.EventCodec;
import fr.hubag.eventsourcing.consumer.ConsumedEvent;
import fr.hubag.projection.sessions.projector.SessionsProjector;
import fr.hubag.projection.shared.rebuild.Generation;
import fr.hubag.projection.shared.rebuild.Generations;
import fr.hubag.projection.support.Api;
import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static fr.hubag.projection.support.Sessions.ACTOR;
import static fr.hubag.projection.support.Sessions.AT;
import static fr.hubag.projection.support.Sessions.MEDIATOR;
import static fr.hubag.projection.support.Timings.report;
import static fr.hubag.projection.support.Timings.time;

/**
 * Opt-in: what the trajectories cost. (1) Applying N activity reports of the year 2003 (each naming K people among P,
 * with an autonomy) straight to the serving tables in polls of 500, as the consumer does: every report recounts its
 * people's trajectories. (2) The trajectories' and a partner's referrals' first and 21st pages among many rows.
 * Rows are deleted afterwards. Prints figures, asserts nothing about time: {@code -Dtest=TrajectoryBenchmark
 * -Dhub.bench=true [-Dhub.bench.reports=20000 -Dhub.bench.named=3 -Dhub.bench.people=5000
 * -Dhub.bench.referrals=100000]}
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "projection"))
class TrajectoryBenchmark {

    private static final EventCodec<SessionEvent> CODEC = EventCodec.of(SessionEvents.CATALOGUE,
            SessionEvent::occurredAt);
    private static final int POLL = 500;

    @Inject
    Pool pool;
    @Inject
    SessionsProjector projector;
    @Inject
    Generations generations;

    @Test
    void applyingReportsAndPagingWithManyRows() {
        Assumptions.assumeTrue(Boolean.getBoolean("hub.bench"), "benchmark: run with -Dhub.bench=true");
        int reports = Integer.getInteger("hub.bench.reports", 20_000);
        int named = Integer.getInteger("hub.bench.named", 3);
        int peopleCount = Integer.getInteger("hub.bench.people", 5_000);
        int referrals = Integer.getInteger("hub.bench.referrals", 100_000);
        Generation serving = generations.serving(projector);
        String gf = serving.schema("gf");
        String hub = serving.schema("hub");
        List<UUID> people = new ArrayList<>();
        for (int i = 0; i < peopleCount; i++) {
            people.add(UUID.randomUUID());
        }
        String partner = "bench-" + UUID.randomUUID();
        try {
            List<ConsumedEvent> events = new ArrayList<>(reports);
            Autonomy[] levels = Autonomy.values();
            for (int i = 0; i < reports; i++) {
                List<ActivityParticipant> participants = new ArrayList<>();
                for (int k = 0; k < named; k++) {
                    participants.add(new ActivityParticipant(people.get((i * named + k) % peopleCount),
                            levels[(i / peopleCount + k) % levels.length]));
                }
                events.add(event(new ActivityRecorded(UUID.randomUUID(), ActivityOrigin.REPORT, Territory.GF, ACTOR,
                        SessionType.COLLECTIF, LocalDate.parse("2003-01-01").plusDays(i % 365), 60,
                        Venue.of(PlaceType.A_DISTANCE), List.of(), List.of(Theme.EMAIL), "Bench", null, MEDIATOR,
                        null, participants, HeadCounts.NONE, null, AT)));
            }
            long start = System.nanoTime();
            for (int from = 0; from < events.size(); from += POLL) {
                List<ConsumedEvent> poll = events.subList(from, Math.min(events.size(), from + POLL));
                pool.withTransaction(tx -> projector.applyAll(tx, poll, serving))
                        .await().atMost(Duration.ofMinutes(5));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("[bench] %d reports naming %d of %d people applied (GF and hub) in %.1f s: "
                    + "%.0f reports/s, %.0f trajectory recounts/s%n", reports, named, peopleCount, seconds,
                    reports / seconds, 2.0 * reports * named / seconds);

            sql("INSERT INTO " + gf + ".referrals (referral_id, partner, territory, beneficiary_id, reason, themes, "
                    + "status, submitted_at, changed_at, version) SELECT gen_random_uuid(), CASE WHEN i % 10 = 0 THEN '"
                    + partner + "' ELSE 'other-' || (i % 7) END, 'GF', gen_random_uuid(), 'autre', ARRAY['email'], "
                    + "'submitted', TIMESTAMPTZ '2003-01-01' + i * INTERVAL '1 minute', TIMESTAMPTZ '2003-01-01' + i "
                    + "* INTERVAL '1 minute', 1 FROM generate_series(1, " + referrals + ") i");
            sql("ANALYZE " + gf + ".trajectories, " + gf + ".trajectory_contacts, " + gf + ".referrals");
            page("trajectories of GF", TestTokens.coordinator("GF"), "/territories/GF/sessions/trajectories?size=50");
            page("a partner's referrals (1 in 10 of " + referrals + ")",
                    TestTokens.forSubject(partner, "partner", "GF"), "/territories/GF/sessions/referrals?size=50");
            page("every referral (coordinator)", TestTokens.coordinator("GF"),
                    "/territories/GF/sessions/referrals?size=50");
            String one = "/territories/GF/sessions/trajectories/" + people.getFirst();
            if (named > 0) {
                report("one trajectory with its " + (reports * named / peopleCount) + " steps", time(() ->
                        Api.get(TestTokens.hubAdmin(), one).statusCode(200)));
            }
        } finally {
            UUID[] ids = people.toArray(UUID[]::new);
            for (String schema : List.of(gf, hub)) {
                pool.preparedQuery("DELETE FROM " + schema + ".trajectory_contacts WHERE beneficiary_id = ANY($1)")
                        .execute(Tuple.of(ids)).await().atMost(Duration.ofMinutes(5));
                pool.preparedQuery("DELETE FROM " + schema + ".trajectories WHERE beneficiary_id = ANY($1)")
                        .execute(Tuple.of(ids)).await().atMost(Duration.ofMinutes(5));
                String bench = "date BETWEEN '2003-01-01' AND '2003-12-31' AND actor_id = '" + ACTOR + "'";
                sql("DELETE FROM " + schema + ".activity_participants p USING " + schema + ".activities a "
                        + "WHERE a.activity_id = p.activity_id AND a." + bench);
                sql("DELETE FROM " + schema + ".activities WHERE " + bench);
                sql("DELETE FROM " + schema + ".referrals WHERE submitted_at < '2004-01-01'");
            }
        }
    }

    private static ConsumedEvent event(ActivityRecorded a) {
        String type = CODEC.typeOf(a);
        return new ConsumedEvent(UUID.randomUUID(), "hubag.sessions." + type, CODEC.schemaVersionOf(a),
                a.activityId().toString(), "GF", 1, CODEC.encode(a), "bench", "sessions.events", 0, 0);
    }

    private void page(String what, String token, String first) {
        Api.get(token, first).statusCode(200);
        report(what + ", first page", time(() -> Api.get(token, first).statusCode(200)));
        String deep = Api.get(token, first).extract().path("next");
        for (int i = 1; i < 20 && deep != null; i++) {
            deep = Api.as(token).get(deep).then().statusCode(200).extract().path("next");
        }
        String twentyFirst = deep;
        if (twentyFirst != null) {
            report(what + ", 21st page (cursor)", time(() -> Api.as(token).get(twentyFirst).then().statusCode(200)));
        }
    }

    private void sql(String statement) {
        pool.query(statement).execute().await().atMost(Duration.ofMinutes(5));
    }
}
