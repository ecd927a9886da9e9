package fr.hubag.vouchers.application;

import fr.hubag.domain.Territory;
import fr.hubag.eventsourcing.command.CommandExecutor;
import fr.hubag.eventsourcing.job.JobRunner;
import fr.hubag.vouchers.infra.MonthlyRedemptions;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Starts the monthly settlement, one job per territory (its months end at midnight in its zone), checked every
 * {@code hub.vouchers.settlement.check}. The kernel's job runner settles each ended month once, from
 * {@code first-month} on, including months missed while the service was down. A month is settled only
 * {@code grace} after it ended, so that a redemption decided at 23:59:59 has committed before its month is read.
 * Time is the service's clock ({@code Clocks}), so a rehearsal clock settles the months it has lived through.
 */
@ApplicationScoped
public class SettlementSchedule {

    private final JobRunner runner;
    private final CommandExecutor executor;
    private final MonthlyRedemptions redemptions;
    private final boolean enabled;
    private final YearMonth firstMonth;
    private final Duration every;
    private final Duration grace;
    private final Clock clock;

    public SettlementSchedule(JobRunner runner, CommandExecutor executor, MonthlyRedemptions redemptions,
                              @ConfigProperty(name = "hub.vouchers.settlement.enabled", defaultValue = "true")
                              boolean enabled,
                              @ConfigProperty(name = "hub.vouchers.settlement.first-month", defaultValue = "2026-01")
                              YearMonth firstMonth,
                              @ConfigProperty(name = "hub.vouchers.settlement.check", defaultValue = "PT10M")
                              Duration every,
                              @ConfigProperty(name = "hub.vouchers.settlement.grace", defaultValue = "PT1H")
                              Duration grace, Clock clock) {
        this.runner = runner;
        this.executor = executor;
        this.redemptions = redemptions;
        this.enabled = enabled;
        this.firstMonth = firstMonth;
        this.every = every;
        this.grace = grace;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent start) {
        if (!enabled) {
            return;
        }
        Clock lagging = Clock.offset(clock, grace.negated());
        runner.schedulePerTerritory(territory -> job(territory, firstMonth.atDay(1)), every, lagging);
    }

    /** The settlement of a territory from {@code firstDay}'s month (tests run it by hand with a clock of their own). */
    public SettlementJob job(Territory territory, LocalDate firstDay) {
        return new SettlementJob("vouchers.settlement." + territory.name(), territory, firstDay, executor,
                redemptions);
    }
}
