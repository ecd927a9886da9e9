package fr.hubag.vouchers.application;

import fr.hubag.domain.CommandRejected;
import fr.hubag.eventsourcing.command.CommandContext;
import fr.hubag.eventsourcing.command.CommandExecutor;
import fr.hubag.eventsourcing.command.CommandOutcome;
import fr.hubag.eventsourcing.command.CommandResult;
import fr.hubag.servicekit.security.Caller;
import fr.hubag.vouchers.domain.StatementCommand;
import fr.hubag.vouchers.domain.StatementState;
import fr.hubag.vouchers.infra.ActorStatements;
import fr.hubag.vouchers.infra.VoucherStreams;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import fr.hubag.servicekit.security.Roles;
import fr.hubag.vouchers.domain.StatementDecider;
import io.quarkus.security.ForbiddenException;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The statements' use cases for people: read one (as JSON, CSV or PDF) if the caller may, and mark one paid with the
 * payment's reference (hub admins; the same reference again changes nothing). Issuing is the settlement job's.
 */
@ApplicationScoped
public class StatementCommands {

    /** The most statements an actor's list gives: ten years of months. */
    static final int LISTED_MONTHS = 120;

    private final CommandExecutor executor;
    private final Caller caller;
    private final ActorStatements byActor;

    public StatementCommands(CommandExecutor executor, Caller caller, ActorStatements byActor) {
        this.executor = executor;
        this.caller = caller;
        this.byActor = byActor;
    }

    /** An issued statement and its stream version, if the caller may read it; else 404 or 403. */
    public Uni<CommandExecutor.Loaded<StatementState.Issued>> load(UUID statementId) {
        return executor.load(VoucherStreams.STATEMENT, statementId.toString()).map(loaded -> {
            if (!(loaded.state() instanceof StatementState.Issued issued)) {
                throw notFound(statementId);
            }
            VoucherAccess.requireMayReadStatement(caller, issued.actorId(), issued.territory());
            return new CommandExecutor.Loaded<>(issued, loaded.version());
        });
    }

    /**
     * An actor's statement of a month: a mediator asking for an actor not of its token is refused before any read, so
     * that whether another actor has a statement that month is not told by a 404.
     */
    public Uni<CommandExecutor.Loaded<StatementState.Issued>> load(UUID actorId, YearMonth month) {
        requireMediatorOf(actorId);
        return load(StatementDecider.statementId(actorId, month));
    }

    /** An actor's statements, newest month first: those of the territories the caller may read. */
    public Uni<List<CommandExecutor.Loaded<StatementState.Issued>>> of(UUID actorId) {
        requireMediatorOf(actorId);
        return byActor.of(actorId, LISTED_MONTHS).map(all -> all.stream()
                .filter(loaded -> caller.covers(loaded.state().territory())).toList());
    }

    private void requireMediatorOf(UUID actorId) {
        if (!VoucherAccess.admin(caller) && !caller.hasRole(Roles.COORDINATOR)
                && !caller.actors().contains(actorId.toString())) {
            throw new ForbiddenException("a mediator reads only the statements of the actors named in their token");
        }
    }

    public Uni<CommandResult<StatementState>> markPaid(StatementCommand.MarkPaid command, CommandContext context,
                                                       Function<List<CommandOutcome<StatementState>>, String> answer) {
        return executor.execute(VoucherStreams.STATEMENT, List.of(command.statementId().toString()), context,
                states -> {
                    if (states.get(0) instanceof StatementState.Issued issued) {
                        caller.requireTerritory(issued.territory());
                    }
                    return List.of(command);
                }, answer);
    }

    static CommandRejected notFound(UUID statementId) {
        return CommandRejected.notFound("statement-not-found", "no statement " + statementId);
    }

    public Caller caller() { return caller; }
}
