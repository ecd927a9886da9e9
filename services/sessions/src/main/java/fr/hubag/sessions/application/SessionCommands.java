package fr.hubag.sessions.application;

import fr.hubag.eventsourcing.command.CommandContext;
import fr.hubag.eventsourcing.command.CommandExecutor;
import fr.hubag.eventsourcing.command.CommandOutcome;
import fr.hubag.eventsourcing.command.CommandResult;
import fr.hubag.servicekit.security.Caller;
import fr.hubag.sessions.domain.SessionCommand;
import fr.hubag.sessions.domain.SessionState;
import fr.hubag.sessions.infra.SessionStreams;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.function.Function;

/**
 * The sessions' use cases as commands for any transport (REST, offline batches; reactions later): each
 * checks the caller may act for the session's territory and actor — against the command for a new session, against
 * the stored session otherwise — then runs through the kernel. A command that loses a race on a busy workshop is
 * decided again on the new state, so an enrolment gets a seat or a place on the waiting list, never a conflict.
 */
@ApplicationScoped
public class SessionCommands {

    private final CommandExecutor executor;
    private final Caller caller;

    public SessionCommands(CommandExecutor executor, Caller caller) {
        this.executor = executor;
        this.caller = caller;
    }

    public Uni<CommandResult<SessionState>> schedule(SessionCommand.ScheduleSession command, CommandContext context,
                                                     Function<List<CommandOutcome<SessionState>>, String> answer) {
        SessionAccess.requireMayActFor(caller, command.territory(), command.actorId());
        // a new session's id was just made up: its empty stream is not read (one statement)
        return executor.create(SessionStreams.SESSION, command.sessionId().toString(), context,
                states -> List.of(command), answer, null);
    }

    /** A command on an existing session the caller may act on. */
    public Uni<CommandResult<SessionState>> onSession(SessionCommand command, CommandContext context,
                                                      Function<List<CommandOutcome<SessionState>>, String> answer) {
        return executor.execute(SessionStreams.SESSION, List.of(command.sessionId().toString()), context,
                states -> {
                    SessionAccess.requireMayActOn(caller, states.get(0));
                    return List.of(command);
                }, answer);
    }

    /** A session as it is now, after checking the caller may see it. */
    public Uni<CommandExecutor.Loaded<SessionState>> load(java.util.UUID sessionId) {
        return executor.load(SessionStreams.SESSION, sessionId.toString()).map(loaded -> {
            SessionAccess.requireMayActOn(caller, loaded.state());
            return loaded;
        });
    }

    public Caller caller() { return caller; }
}
