package fr.hubag.vouchers.api;

import fr.hubag.domain.Territory;
import fr.hubag.eventsourcing.job.JobRunner;
import fr.hubag.eventsourcing.job.Period;
import fr.hubag.vouchers.application.ExpirySchedule;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The expiry job run by hand at a time the test chooses (a fixed clock), as the kernel's runner runs it on its timer;
 * and the job's run marks forgotten, as after a crash before the mark or in a fresh database.
 */
@ApplicationScoped
class ExpiryRuns {

    private final JobRunner runner;
    private final ExpirySchedule schedule;
    private final Pool pool;

    ExpiryRuns(JobRunner runner, ExpirySchedule schedule, Pool pool) {
        this.runner = runner;
        this.schedule = schedule;
        this.pool = pool;
    }

    Pool pool() { return pool; }

    List<Period> at(Territory territory, LocalDate firstDay, Instant now) {
        return runner.catchUp(schedule.job(territory, firstDay), Clock.fixed(now, ZoneOffset.UTC))
                .await().atMost(Duration.ofMinutes(2));
    }

    void forget(Territory territory) {
        pool.preparedQuery("DELETE FROM es_job_runs WHERE job = $1")
                .execute(Tuple.of(schedule.job(territory, LocalDate.now()).name()))
                .await().atMost(Duration.ofSeconds(10));
    }

    /** PassExpired and OrderExpired events of an order. */
    long expiryEvents(String orderId) {
        return pool.preparedQuery("""
                SELECT count(*) FROM es_events WHERE event_type IN ('PassExpired', 'OrderExpired')
                   AND payload ->> 'orderId' = $1""").execute(Tuple.of(orderId))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    /** Passes of an order that are both redeemed and expired (there must never be one). */
    long redeemedAndExpired(String orderId) {
        return pool.preparedQuery("""
                SELECT count(*) FROM (SELECT stream_id FROM es_events
                 WHERE event_type IN ('PassRedeemed', 'PassExpired') AND payload ->> 'orderId' = $1
                 GROUP BY stream_id HAVING count(*) > 1) twice""").execute(Tuple.of(orderId))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    /** The first instant of {@code day + 1} in the territory's zone: {@code day} has just ended there. */
    static Instant endOf(LocalDate day, Territory territory) {
        return day.plusDays(1).atStartOfDay(territory.zone()).toInstant();
    }
}
