package fr.hubag.projection;

import fr.hubag.projection.sessions.projector.SessionsProjector;
import fr.hubag.projection.shared.rebuild.Generations;
import fr.hubag.projection.support.Api;
import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static fr.hubag.projection.support.Timings.report;
import static fr.hubag.projection.support.Timings.time;

/**
 * Opt-in: how long the sessions read models take to answer through HTTP with many rows — the statistics of a year
 * of N activities (half of them with two named participants) and the agenda's first and twentieth pages among M
 * upcoming workshops. Rows are written straight to the serving tables (years 2001 and 2040, which no other test
 * uses) and deleted afterwards. Prints figures, asserts nothing about time:
 * {@code -Dtest=SessionsQueryBenchmark -Dhub.bench=true [-Dhub.bench.activities=100000 -Dhub.bench.workshops=10000]}
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "projection"))
class SessionsQueryBenchmark {

    @Inject
    Pool pool;
    @Inject
    SessionsProjector projector;
    @Inject
    Generations generations;

    @Test
    void statisticsAndAgendaWithManyRows() {
        Assumptions.assumeTrue(Boolean.getBoolean("hub.bench"), "benchmark: run with -Dhub.bench=true");
        int activities = Integer.getInteger("hub.bench.activities", 100_000);
        int workshops = Integer.getInteger("hub.bench.workshops", 10_000);
        String gf = generations.serving(projector).schema("gf");
        try {
            sql("INSERT INTO " + gf + ".activities SELECT gen_random_uuid(), 'report', 'GF', gen_random_uuid(), "
                    + "CASE WHEN i % 3 = 0 THEN 'collectif' ELSE 'individuel' END, DATE '2001-01-01' + (i % 365), "
                    + "10 + i % 150, (ARRAY['lieu_activite','domicile','a_distance','autre'])[1 + i % 4], "
                    + "ARRAY['email', (ARRAY['sante','bureautique','logement'])[1 + i % 3]], CASE WHEN i % 2 = 0 "
                    + "THEN 2 ELSE 0 END, 1, 0, '{\"feminin\":0,\"masculin\":1,\"non_communique\":0}', "
                    + "'{\"non_communique\":1}', '{\"retraite\":1}', 1 FROM generate_series(1, " + activities + ") i");
            sql("INSERT INTO " + gf + ".activity_participants SELECT a.activity_id, p, gen_random_uuid(), "
                    + "'soixante_soixante_neuf', 'retraite', NULL FROM " + gf + ".activities a, generate_series(1, 2) p "
                    + "WHERE a.date BETWEEN '2001-01-01' AND '2001-12-31' AND a.named = 2");
            sql("INSERT INTO " + gf + ".session_agenda (session_id, territory, actor_id, type, title, themes, level, "
                    + "place_type, commune_insee_code, local_start, local_date, zone, starts_at, duration_minutes, "
                    + "capacity, status, version) SELECT gen_random_uuid(), 'GF', gen_random_uuid(), 'collectif', "
                    + "'Bench', ARRAY['email'], 'debutant', 'autre', '97302', TIMESTAMP '2040-01-01 09:00' + i * "
                    + "INTERVAL '37 minutes', (TIMESTAMP '2040-01-01 09:00' + i * INTERVAL '37 minutes')::date, "
                    + "'America/Cayenne', (TIMESTAMP '2040-01-01 09:00' + i * INTERVAL '37 minutes') AT TIME ZONE "
                    + "'America/Cayenne', 120, 12, 'scheduled', 1 FROM generate_series(1, " + workshops + ") i");
            sql("ANALYZE " + gf + ".activities, " + gf + ".activity_participants, " + gf + ".session_agenda");
            String token = TestTokens.coordinator("GF");
            String stats = "/territories/GF/sessions/stats?from=2001-01-01&to=2001-12-31";
            Api.get(token, stats).statusCode(200);
            report("stats of a year, " + activities + " activities", time(() -> Api.get(token, stats).statusCode(200)));
            String month = "/territories/GF/sessions/stats?from=2001-06-01&to=2001-06-30";
            report("stats of a month", time(() -> Api.get(token, month).statusCode(200)));
            String agenda = "/territories/GF/sessions/agenda?from=2040-01-01&theme=email";
            report("agenda first page of " + workshops + " workshops", time(() -> Api.get(agenda).statusCode(200)));
            String deep = Api.get(agenda).extract().path("next");
            for (int i = 1; i < 20; i++) {
                deep = Api.as(null).get(deep).then().statusCode(200).extract().path("next");
            }
            String twentieth = deep;
            report("agenda 21st page (cursor)", time(() -> Api.as(null).get(twentieth).then().statusCode(200)));
        } finally {
            sql("DELETE FROM " + gf + ".activity_participants p USING " + gf + ".activities a WHERE a.activity_id = "
                    + "p.activity_id AND a.date BETWEEN '2001-01-01' AND '2001-12-31'");
            sql("DELETE FROM " + gf + ".activities WHERE date BETWEEN '2001-01-01' AND '2001-12-31'");
            sql("DELETE FROM " + gf + ".session_agenda WHERE title = 'Bench' AND local_date >= '2040-01-01'");
        }
    }

    private void sql(String statement) {
        pool.query(statement).execute().await().atMost(Duration.ofMinutes(5));
    }
}
