package fr.hubag.sessions.application;

import fr.hubag.domain.Territory;
import fr.hubag.eventsourcing.command.CommandExecutor;
import fr.hubag.eventsourcing.command.CommandResult;
import fr.hubag.eventsourcing.job.Cadence;
import fr.hubag.eventsourcing.job.Period;
import fr.hubag.eventsourcing.job.PeriodicJob;
import fr.hubag.sessions.domain.ReferralCommand;
import fr.hubag.sessions.infra.ReferralQueries;
import fr.hubag.sessions.infra.ReferralStreams;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Daily, per territory (the day ends at midnight there): every referral still unanswered {@code afterDays} days after
 * its submission expires. The command's time is the end of the period, not the clock, and its key comes from the
 * period and the referral: a period run twice, or by two instances, decides each referral once; a referral answered
 * meanwhile is left alone by the decider.
 */
public final class ReferralExpiryJob implements PeriodicJob {

    private final Territory territory;
    private final int afterDays;
    private final LocalDate firstDay;
    private final CommandExecutor executor;
    private final ReferralQueries queries;

    public ReferralExpiryJob(Territory territory, int afterDays, LocalDate firstDay, CommandExecutor executor,
                             ReferralQueries queries) {
        this.territory = territory;
        this.afterDays = afterDays;
        this.firstDay = firstDay;
        this.executor = executor;
        this.queries = queries;
    }

    @Override
    public String name() { return "sessions.referral-expiry." + territory.name(); }

    @Override
    public Cadence cadence() { return Cadence.DAILY; }

    @Override
    public ZoneId zone() { return territory.zone(); }

    @Override
    public LocalDate firstDay() { return firstDay; }

    @Override
    public Uni<String> run(Period period) {
        Instant end = endOf(period);
        Instant submittedBefore = end.minus(Duration.ofDays(afterDays));
        return queries.unansweredBefore(territory.name(), submittedBefore.atOffset(ZoneOffset.UTC))
                .chain(ids -> Multi.createFrom().iterable(ids).onItem().transformToUniAndConcatenate(id ->
                                executor.execute(ReferralStreams.REFERRAL, id.toString(),
                                        new ReferralCommand.ExpireReferral(id, afterDays, end),
                                        period.context(id.toString())))
                        .collect().asList())
                .map(results -> "expired " + expired(results));
    }

    private static long expired(List<? extends CommandResult<?>> results) {
        return results.stream().filter(r -> r instanceof CommandResult.Decided<?> d && d.changed()).count();
    }
}
