package fr.hubag.sessions.api;

import fr.hubag.eventsourcing.command.CommandOutcome;
import fr.hubag.servicekit.commands.CommandResponse;
import fr.hubag.servicekit.commands.Commands;
import fr.hubag.sessions.application.SessionCommands;
import fr.hubag.sessions.domain.SessionCommand;
import fr.hubag.sessions.domain.SessionState;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import java.util.Map;
import java.util.function.BiFunction;

/**
 * The REST face of the sessions' use cases: reads the command's HTTP context (Idempotency-Key, If-Match,
 * correlation) through the service kit's adapter, runs the use case, and answers with what the caller needs to see
 * — the answer that is also remembered for an idempotent replay (the adapter adds the version as ETag).
 */
@ApplicationScoped
public class HttpSessionCommands {

    private final SessionCommands sessions;
    private final Commands commands;

    public HttpSessionCommands(SessionCommands sessions, Commands commands) {
        this.sessions = sessions;
        this.commands = commands;
    }

    public Uni<Response> schedule(SessionCommand.ScheduleSession command, ContainerRequestContext http, Object body) {
        Commands.Answer<SessionState> answer = commands.answering(outcomes ->
                respond(outcomes.get(0), 201, SessionView::of));
        return sessions.schedule(command, commands.context(http, sessions.caller(), body), answer)
                .map(answer::toResponse);
    }

    /** A command on an existing session, answered with the session as it now is. */
    public Uni<Response> onSession(SessionCommand command, ContainerRequestContext http, Object body) {
        return onSession(command, http, body, 200, SessionView::of);
    }

    /** The same, answered with {@code view} of the session after the command. */
    public Uni<Response> onSession(SessionCommand command, ContainerRequestContext http, Object body, int status,
                                   BiFunction<SessionState.Scheduled, Long, Object> view) {
        Commands.Answer<SessionState> answer = commands.answering(outcomes -> respond(outcomes.get(0), status, view));
        return sessions.onSession(command, commands.context(http, sessions.caller(), body), answer)
                .map(answer::toResponse);
    }

    private CommandResponse respond(CommandOutcome<SessionState> outcome, int status,
                                    BiFunction<SessionState.Scheduled, Long, Object> view) {
        SessionState.Scheduled session = (SessionState.Scheduled) outcome.state();
        int code = !outcome.changed() && status == 201 ? 200 : status;
        return new CommandResponse(code, Map.of("Location", "/api/sessions/" + session.sessionId()),
                commands.toJson(view.apply(session, outcome.version())));
    }

    public SessionCommands sessions() { return sessions; }

}
