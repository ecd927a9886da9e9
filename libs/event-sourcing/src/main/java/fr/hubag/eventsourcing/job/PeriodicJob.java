package fr.hubag.eventsourcing.job;

import io.smallrye.mutiny.Uni;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A job that runs once for every period that has ended (a monthly settlement, a daily expiry), in a territory's time
 * zone. {@link JobRunner} runs each ended period once, oldest first, including those missed while the service was
 * down. The job runs its commands through the kernel with keys from {@link Period#key(String)}.
 */
public interface PeriodicJob {

    /** A stable name, e.g. {@code vouchers.monthly-settlement}: it keys the job's runs and commands. */
    String name();

    Cadence cadence();

    /** The zone in which a period ends (a month ends at midnight in Martinique, not in UTC). */
    ZoneId zone();

    /** The first period the job is responsible for; nothing earlier is run. */
    LocalDate firstDay();

    /** Runs the period's commands; the answer (a summary) is kept with the run. */
    Uni<String> run(Period period);

    /**
     * The instant {@code period} ends in the job's zone: the time of its commands, rather than the run's clock, so a
     * period caught up after downtime reads as of its end.
     */
    default Instant endOf(Period period) {
        return period.end().atStartOfDay(zone()).toInstant();
    }

    /** The last day ended in {@code zone} on {@code clock}: the first day of a job that starts with the service. */
    static LocalDate yesterday(ZoneId zone, Clock clock) {
        return LocalDate.now(clock.withZone(zone)).minusDays(1);
    }
}
