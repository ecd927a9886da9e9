package fr.hubag.vouchers.application;

import fr.hubag.domain.Territory;
import fr.hubag.eventsourcing.job.JobRunner;
import fr.hubag.eventsourcing.job.PeriodicJob;
import fr.hubag.vouchers.infra.OrderLedger;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

/**
 * Starts the passes' expiry, one daily job per territory leading orders, checked every
 * {@code hub.vouchers.expiry.check} (the kernel's job runner runs each ended day once, and those missed while the
 * service was down; the job's selection takes every order due, however long ago). Time is the service's clock
 * ({@code Clocks}), so a rehearsal clock expires the orders whose tolerance it has lived through.
 */
@ApplicationScoped
public class ExpirySchedule {

    private final JobRunner runner;
    private final OrderLedger ledger;
    private final OrderExpiry expiry;
    private final Duration every;
    private final Clock clock;

    public ExpirySchedule(JobRunner runner, OrderLedger ledger, OrderExpiry expiry,
                          @ConfigProperty(name = "hub.vouchers.expiry.check", defaultValue = "PT10M") Duration every,
                          Clock clock) {
        this.runner = runner;
        this.ledger = ledger;
        this.expiry = expiry;
        this.every = every;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent start) {
        runner.schedulePerTerritory(territory -> job(territory, PeriodicJob.yesterday(territory.zone(), clock)), every,
                clock);
    }

    /** The job of a territory from {@code firstDay} (tests run it by hand with a clock of their own). */
    public ExpiryJob job(Territory territory, LocalDate firstDay) {
        return new ExpiryJob(territory, firstDay, ledger, expiry);
    }
}
