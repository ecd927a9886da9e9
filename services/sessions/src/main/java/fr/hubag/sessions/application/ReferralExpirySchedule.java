package fr.hubag.sessions.application;

import fr.hubag.domain.Territory;
import fr.hubag.eventsourcing.command.CommandExecutor;
import fr.hubag.eventsourcing.job.JobRunner;
import fr.hubag.eventsourcing.job.PeriodicJob;
import fr.hubag.sessions.infra.ReferralQueries;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

/**
 * Starts the referrals' expiry, one daily job per territory, checked every {@code hub.sessions.referrals.expiry-check}
 * (the kernel's job runner runs each ended day once, and the days missed while the service was down).
 */
@ApplicationScoped
public class ReferralExpirySchedule {

    private final JobRunner runner;
    private final CommandExecutor executor;
    private final ReferralQueries queries;
    private final int afterDays;
    private final Duration every;

    public ReferralExpirySchedule(JobRunner runner, CommandExecutor executor, ReferralQueries queries,
                                  @ConfigProperty(name = "hub.sessions.referrals.expire-after-days",
                                          defaultValue = "30") int afterDays,
                                  @ConfigProperty(name = "hub.sessions.referrals.expiry-check",
                                          defaultValue = "PT10M") Duration every) {
        this.runner = runner;
        this.executor = executor;
        this.queries = queries;
        this.afterDays = afterDays;
        this.every = every;
    }

    void onStart(@Observes StartupEvent start) {
        Clock clock = Clock.systemUTC();
        runner.schedulePerTerritory(territory -> job(territory, PeriodicJob.yesterday(territory.zone(), clock)), every,
                clock);
    }

    /** The job of a territory from {@code firstDay} (tests run it by hand with a clock of their own). */
    public ReferralExpiryJob job(Territory territory, LocalDate firstDay) {
        return new ReferralExpiryJob(territory, afterDays, firstDay, executor, queries);
    }

    public int afterDays() { return afterDays; }
}
