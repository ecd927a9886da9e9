package fr.hubag.eventsourcing.job;

import fr.hubag.domain.Territory;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Runs periodic jobs and catches up after downtime: each ended period of a job runs once, oldest first, and is then
 * marked in {@code es_job_runs}. A crash between a period's commands and its mark runs the period again, which decides
 * nothing twice because the commands carry keys derived from the job and the period. Two instances running the same
 * job at once are just as safe, for the same reason.
 */
@ApplicationScoped
public class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class);

    private final Pool pool;
    private final Vertx vertx;
    private final Map<String, AtomicBoolean> running = new ConcurrentHashMap<>();

    public JobRunner(Pool pool, Vertx vertx) {
        this.pool = pool;
        this.vertx = vertx;
    }

    /** Runs every period of {@code job} that ended before {@code clock}'s now and has not run yet; returns them. */
    public Uni<List<Period>> catchUp(PeriodicJob job, Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(job.zone()));
        return pool.preparedQuery("SELECT max(period) FROM es_job_runs WHERE job = $1")
                .execute(Tuple.of(job.name()))
                .map(rows -> rows.iterator().next().getString(0))
                .flatMap(last -> {
                    List<Period> due = new ArrayList<>();
                    LocalDate start = job.cadence().startOf(job.firstDay());
                    while (job.cadence().next(start).compareTo(today) <= 0) {
                        String label = job.cadence().label(start);
                        if (last == null || label.compareTo(last) > 0) {
                            due.add(new Period(job.name(), label, start, job.cadence().next(start)));
                        }
                        start = job.cadence().next(start);
                    }
                    Uni<List<Period>> chain = Uni.createFrom().item(new ArrayList<>());
                    for (Period period : due) {
                        chain = chain.flatMap(done -> job.run(period)
                                .flatMap(answer -> pool.preparedQuery("""
                                                INSERT INTO es_job_runs (job, period, answer) VALUES ($1, $2, $3)
                                                ON CONFLICT DO NOTHING""")
                                        .execute(Tuple.of(job.name(), period.label(), answer)))
                                .map(marked -> {
                                    LOG.infof("job %s ran period %s", job.name(), period.label());
                                    done.add(period);
                                    return done;
                                }));
                    }
                    return chain;
                });
    }

    /**
     * Catches the job up now and then every {@code every} (at most one run of a job at a time in this instance).
     * Returns the timer id.
     */
    public long schedule(PeriodicJob job, Duration every, Clock clock) {
        AtomicBoolean busy = running.computeIfAbsent(job.name(), name -> new AtomicBoolean());
        Runnable tick = () -> {
            if (!busy.compareAndSet(false, true)) {
                return;
            }
            catchUp(job, clock).onTermination().invoke(() -> busy.set(false)).subscribe().with(
                    periods -> { },
                    failure -> LOG.errorf(failure, "job %s failed; it will try again in %s", job.name(), every));
        };
        vertx.runOnContext(tick);
        return vertx.setPeriodic(every.toMillis(), id -> tick.run());
    }

    /**
     * Schedules {@code jobOf}'s job for every territory, each on its own timer (a territory's periods end at midnight
     * in its zone, so its runs are its own).
     */
    public void schedulePerTerritory(Function<Territory, ? extends PeriodicJob> jobOf, Duration every, Clock clock) {
        for (Territory territory : Territory.values()) {
            schedule(jobOf.apply(territory), every, clock);
        }
    }
}
