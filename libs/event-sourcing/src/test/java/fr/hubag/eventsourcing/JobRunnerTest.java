package fr.hubag.eventsourcing;

import fr.hubag.eventsourcing.command.CommandContext;
import fr.hubag.eventsourcing.command.CommandExecutor;
import fr.hubag.eventsourcing.command.CommandResult;
import fr.hubag.eventsourcing.job.Cadence;
import fr.hubag.eventsourcing.job.JobRunner;
import fr.hubag.eventsourcing.job.Period;
import fr.hubag.eventsourcing.job.PeriodicJob;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A periodic job (say, a daily expiry in Martinique) runs every ended period once, catches up the periods it missed
 * while the service was down, and decides nothing twice when a period runs again after a crash.
 */
class JobRunnerTest extends KernelTest {

    static JobRunner runner;

    @BeforeAll
    static void start() {
        runner = new JobRunner(db.pool, db.vertx);
    }


    /** Adds one to a counter per period; its command's key comes from the period. */
    static final class DailyBonus implements PeriodicJob {
        final String name = "tests.daily-bonus." + UUID.randomUUID();
        final String stream = UUID.randomUUID().toString();
        final AtomicInteger runs = new AtomicInteger();

        @Override public String name() { return name; }
        @Override public Cadence cadence() { return Cadence.DAILY; }
        @Override public ZoneId zone() { return ZoneId.of("America/Martinique"); }
        @Override public LocalDate firstDay() { return LocalDate.parse("2026-11-20"); }

        @Override
        public Uni<String> run(Period period) {
            runs.incrementAndGet();
            return executor.execute(Counter.TYPE, stream, new Counter.Increment("MQ", 1),
                            CommandContext.derived(name, period.key(stream), "job-run"))
                    .map(CommandResult::answerOrThrow);
        }
    }

    static Clock at(String instant) { return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC); }


    @Test
    void afterThreeDaysDownTheJobRunsTheThreeMissedDaysOnceEach() {
        DailyBonus job = new DailyBonus();

        // 23 November, 02:00 UTC is still 22 November in Martinique: the 20th and 21st have ended, not the 22nd
        List<Period> first = runner.catchUp(job, at("2026-11-23T02:00:00Z")).await().indefinitely();
        assertThat(first).extracting(Period::label).containsExactly("2026-11-20", "2026-11-21");

        List<Period> later = runner.catchUp(job, at("2026-11-24T12:00:00Z")).await().indefinitely();
        assertThat(later).extracting(Period::label).containsExactly("2026-11-22", "2026-11-23");
        assertThat(runner.catchUp(job, at("2026-11-24T12:00:00Z")).await().indefinitely()).isEmpty();
        assertThat(events(job.stream)).isEqualTo(4);
    }

    @Test
    void aPeriodRunAgainAfterACrashDecidesNothingTwice() {
        DailyBonus job = new DailyBonus();
        runner.catchUp(job, at("2026-11-23T12:00:00Z")).await().indefinitely();
        assertThat(events(job.stream)).isEqualTo(3);

        // the crash: the commands committed but the runs were not marked
        db.pool.query("DELETE FROM es_job_runs WHERE job = '" + job.name + "'").execute().await().indefinitely();
        List<Period> again = runner.catchUp(job, at("2026-11-23T12:00:00Z")).await().indefinitely();

        assertThat(again).hasSize(3);
        assertThat(job.runs.get()).isEqualTo(6);
        assertThat(events(job.stream)).as("each period's command was replayed, not decided again").isEqualTo(3);
    }

    @Test
    void monthlyPeriodsEndAtMidnightInTheJobsZone() {
        assertThat(Cadence.MONTHLY.label(Cadence.MONTHLY.startOf(LocalDate.parse("2026-12-31")))).isEqualTo("2026-12");
        DailyBonus daily = new DailyBonus();
        PeriodicJob monthly = new PeriodicJob() {
            @Override public String name() { return daily.name + ".monthly"; }
            @Override public Cadence cadence() { return Cadence.MONTHLY; }
            @Override public ZoneId zone() { return ZoneId.of("America/Cayenne"); }
            @Override public LocalDate firstDay() { return LocalDate.parse("2026-10-15"); }
            @Override public Uni<String> run(Period period) { return daily.run(period); }
        };
        // 1 December 02:30 UTC is 30 November 23:30 in Cayenne: November has not ended there yet
        assertThat(runner.catchUp(monthly, at("2026-12-01T02:30:00Z")).await().indefinitely())
                .extracting(Period::label).containsExactly("2026-10");
        assertThat(runner.catchUp(monthly, at("2026-12-01T03:00:00Z")).await().indefinitely())
                .extracting(Period::label, Period::end).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("2026-11", LocalDate.parse("2026-12-01")));
    }

    @Test
    void aScheduledJobCatchesUpAtStartThenRunsOnItsTimer() throws Exception {
        DailyBonus job = new DailyBonus();
        long timer = runner.schedule(job, java.time.Duration.ofMillis(100), at("2026-11-22T12:00:00Z"));
        try {
            long deadline = System.currentTimeMillis() + 10_000;
            while (events(job.stream) < 2 && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            Thread.sleep(400); // several more ticks: nothing new has ended, nothing more runs
            assertThat(events(job.stream)).isEqualTo(2);
        } finally {
            db.vertx.cancelTimer(timer);
        }
    }

    @Test
    void aJobsCommandsTakeTheirTimeFromThePeriodsEndInItsZoneAndTheirKeyFromThePeriod() {
        DailyBonus job = new DailyBonus();
        Period day = new Period(job.name, "2026-11-20", LocalDate.parse("2026-11-20"), LocalDate.parse("2026-11-21"));

        // midnight in Martinique (UTC-4), not in UTC
        assertThat(job.endOf(day)).isEqualTo(Instant.parse("2026-11-21T04:00:00Z"));
        CommandContext context = day.context("order-42");
        assertThat(context.idempotencyKey()).isEqualTo(job.name + ":2026-11-20:order-42");
        assertThat(context.correlationId()).isEqualTo(context.idempotencyKey());
        assertThat(context.actingUser()).isEqualTo(job.name);
        // 23 November 02:00 UTC is still the 22nd in Martinique: the last ended day there is the 21st
        assertThat(PeriodicJob.yesterday(job.zone(), at("2026-11-23T02:00:00Z")))
                .isEqualTo(LocalDate.parse("2026-11-21"));
    }

    @Test
    void aJobPerTerritoryIsScheduledOncePerTerritoryWithTheSameTimerAndClock() {
        List<String> scheduled = new java.util.ArrayList<>();
        JobRunner recording = new JobRunner(db.pool, db.vertx) {
            @Override
            public long schedule(PeriodicJob job, java.time.Duration every, Clock clock) {
                scheduled.add(job.name() + " " + job.zone() + " " + every + " " + clock.instant());
                return scheduled.size();
            }
        };
        recording.schedulePerTerritory(territory -> new PeriodicJob() {
            @Override public String name() { return "tests.per-territory." + territory.name(); }
            @Override public Cadence cadence() { return Cadence.DAILY; }
            @Override public ZoneId zone() { return territory.zone(); }
            @Override public LocalDate firstDay() { return LocalDate.parse("2026-11-20"); }
            @Override public Uni<String> run(Period period) { return Uni.createFrom().item("nothing"); }
        }, java.time.Duration.ofMinutes(10), at("2026-11-23T02:00:00Z"));

        assertThat(scheduled).containsExactly(java.util.Arrays.stream(fr.hubag.domain.Territory.values())
                .map(t -> "tests.per-territory." + t.name() + " " + t.zone() + " PT10M 2026-11-23T02:00:00Z")
                .toArray(String[]::new));
    }
}
