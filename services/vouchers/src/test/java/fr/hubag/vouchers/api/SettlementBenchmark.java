package fr.hubag.vouchers.api;

import fr.hubag.domain.Territory;
import fr.hubag.eventsourcing.command.CommandExecutor;
import fr.hubag.eventsourcing.job.Period;
import fr.hubag.testing.HubTestResource;
import fr.hubag.vouchers.application.SettlementJob;
import fr.hubag.vouchers.infra.MonthlyRedemptions;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What settling a month costs: {@code hub.bench.redemptions} (50 000) {@code PassRedeemed} events of June 2025 in
 * Guadeloupe at {@code hub.bench.actors} (1 000) actors, written straight into the event store (the kernel's append
 * is measured elsewhere), then the month settled by the job — pages of 50 actors, one statement command each —
 * then settled again (every statement already there). Prints both times and the plan of the page query; asserts only
 * the counts. Run: {@code ./mvnw -o -q verify -pl services/vouchers -am -Dtest=SettlementBenchmark -Dhub.bench=true
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "vouchers"))
class SettlementBenchmark {

    @Inject
    Pool pool;
    @Inject
    CommandExecutor executor;
    @Inject
    MonthlyRedemptions redemptions;

    @Test
    void settlesAMonthOfRedemptions() {
        Assumptions.assumeTrue(Boolean.getBoolean("hub.bench"), "benchmark: run with -Dhub.bench=true");
        int count = Integer.getInteger("hub.bench.redemptions", 50_000);
        int actors = Integer.getInteger("hub.bench.actors", 1_000);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long inserted = pool.preparedQuery("""
                WITH g AS (SELECT i, 'bench-' || $1 || '-' || i AS stream_id,
                                  md5($1 || ':' || (i % $3))::uuid AS actor_id
                             FROM generate_series(1, $2) i),
                     s AS (INSERT INTO es_streams (stream_id, stream_type, territory, version)
                           SELECT stream_id, 'voucher-pass', 'GP', 1 FROM g)
                INSERT INTO es_events (event_id, stream_id, stream_version, event_type, schema_version, payload,
                                       occurred_at)
                SELECT gen_random_uuid(), stream_id, 1, 'PassRedeemed', 1, jsonb_build_object(
                       'passId', gen_random_uuid(), 'orderId', md5($1)::uuid, 'actorId', actor_id,
                       'territory', 'GP', 'communeInseeCode', '97101',
                       'redeemedOn', (date '2025-06-01' + (i % 30))::text, 'faceValueCents', 1000,
                       'sessionId', NULL, 'occurredAt', '2025-06-15T15:00:00Z'), now()
                  FROM g""").execute(Tuple.of(tag, count, actors)).await().atMost(Duration.ofMinutes(5))
                .rowCount();
        assertThat(inserted).isEqualTo(count);
        pool.query("ANALYZE es_events").execute().await().atMost(Duration.ofMinutes(1));

        StringBuilder plan = new StringBuilder();
        for (Row row : pool.preparedQuery("EXPLAIN SELECT DISTINCT payload ->> 'actorId' FROM es_events"
                        + " WHERE event_type = 'PassRedeemed' AND payload ->> 'territory' = $1"
                        + " AND payload ->> 'redeemedOn' >= $2 AND payload ->> 'redeemedOn' < $3"
                        + " AND payload ->> 'actorId' > $4 ORDER BY 1 LIMIT 50")
                .execute(Tuple.of("GP", "2025-06-01", "2025-07-01", "")).await().atMost(Duration.ofMinutes(1))) {
            plan.append("    ").append(row.getString(0)).append('\n');
        }

        SettlementJob job = new SettlementJob("bench.settlement.GP." + tag, Territory.GP, LocalDate.of(2025, 6, 1),
                executor, redemptions);
        Period june = new Period(job.name(), "2025-06", LocalDate.of(2025, 6, 1), LocalDate.of(2025, 7, 1));
        long start = System.nanoTime();
        String first = job.run(june).await().atMost(Duration.ofMinutes(10));
        double settle = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        String again = job.run(june).await().atMost(Duration.ofMinutes(10));
        double rerun = (System.nanoTime() - start) / 1e9;

        assertThat(first).startsWith("statements issued " + actors + " of ");
        assertThat(again).startsWith("statements issued 0 of ");
        System.out.printf("%nSETTLEMENT BENCHMARK: %d redemptions at %d actors in one month (GP, 2025-06)%n",
                count, actors);
        System.out.printf("  settle: %.2f s, %.0f statements/s, %.0f lines/s (%s)%n", settle, actors / settle,
                count / settle, first);
        System.out.printf("  settle again (all issued): %.2f s (%s)%n", rerun, again);
        System.out.printf("  plan of a page of actors:%n%s", plan);
    }
}
