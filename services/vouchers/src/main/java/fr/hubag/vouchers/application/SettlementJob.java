package fr.hubag.vouchers.application;

import fr.hubag.contracts.vouchers.StatementLine;
import fr.hubag.domain.Territory;
import fr.hubag.eventsourcing.command.CommandExecutor;
import fr.hubag.eventsourcing.command.CommandResult;
import fr.hubag.eventsourcing.job.Cadence;
import fr.hubag.eventsourcing.job.Period;
import fr.hubag.eventsourcing.job.PeriodicJob;
import fr.hubag.vouchers.domain.StatementCommand;
import fr.hubag.vouchers.domain.StatementDecider;
import fr.hubag.vouchers.infra.MonthlyRedemptions;
import fr.hubag.vouchers.infra.VoucherStreams;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Monthly, per territory (a month ends at midnight in that territory's zone): every actor with a redemption in the
 * month gets its statement. Actors are read a page at a time from the passes' events, never all at once. Each
 * statement's key comes from the job, the month and the actor, and its stream from the actor and the month, so a
 * month run twice — or by two instances, or by a job of another name — issues one statement per actor. The
 * statement's time is the end of its month (not the run's clock), so a month caught up after downtime reads as of
 * its month. A statement the kernel refuses fails the run: the month is not marked and runs again, nothing is lost.
 */
public final class SettlementJob implements PeriodicJob {

    /** Actors settled per page: bounds the lines held at once. */
    static final int ACTORS_PER_PAGE = 50;

    private final String name;
    private final Territory territory;
    private final LocalDate firstDay;
    private final CommandExecutor executor;
    private final MonthlyRedemptions redemptions;

    public SettlementJob(String name, Territory territory, LocalDate firstDay, CommandExecutor executor,
                         MonthlyRedemptions redemptions) {
        this.name = name;
        this.territory = territory;
        this.firstDay = firstDay;
        this.executor = executor;
        this.redemptions = redemptions;
    }

    @Override
    public String name() { return name; }

    @Override
    public Cadence cadence() { return Cadence.MONTHLY; }

    @Override
    public ZoneId zone() { return territory.zone(); }

    @Override
    public LocalDate firstDay() { return firstDay; }

    @Override
    public Uni<String> run(Period period) {
        YearMonth month = YearMonth.from(period.start());
        return page(period, month, endOf(period), null, new int[2])
                .map(counts -> "statements issued " + counts[0] + " of " + counts[1] + " actors with redemptions");
    }

    /** Settles the page of actors after {@code after}, then the next; {@code counts}: issued now, actors seen. */
    private Uni<int[]> page(Period period, YearMonth month, Instant at, UUID after, int[] counts) {
        return redemptions.actors(territory, month, after, ACTORS_PER_PAGE).flatMap(actors -> {
            if (actors.isEmpty()) {
                return Uni.createFrom().item(counts);
            }
            return redemptions.lines(territory, month, actors)
                    .flatMap(lines -> issueAll(period, month, at, lines, counts))
                    .flatMap(done -> actors.size() < ACTORS_PER_PAGE ? Uni.createFrom().item(done)
                            : page(period, month, at, actors.get(actors.size() - 1), done));
        });
    }

    private Uni<int[]> issueAll(Period period, YearMonth month, Instant at, Map<UUID, List<StatementLine>> lines,
                                int[] counts) {
        return Multi.createFrom().iterable(lines.entrySet()).onItem().transformToUniAndConcatenate(entry -> {
            UUID actorId = entry.getKey();
            UUID statementId = StatementDecider.statementId(actorId, month);
            return executor.execute(VoucherStreams.STATEMENT, statementId.toString(),
                    new StatementCommand.Issue(statementId, actorId, territory, month, entry.getValue(), at),
                    period.context(actorId.toString()));
        }).collect().asList().map(results -> {
            for (CommandResult<?> result : results) {
                if (result instanceof CommandResult.Rejected<?> rejected) {
                    throw new IllegalStateException("a statement of " + month + " in " + territory
                            + " was refused: " + rejected.rejection().getMessage(), rejected.rejection());
                }
                counts[0] += result instanceof CommandResult.Decided<?> d && d.changed() ? 1 : 0;
                counts[1]++;
            }
            return counts;
        });
    }
}
