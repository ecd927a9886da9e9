package fr.hubag.actors.api;

import fr.hubag.actors.application.ActorCommands;
import fr.hubag.actors.domain.ActorCommand;
import fr.hubag.actors.domain.ActorState;
import fr.hubag.eventsourcing.command.CommandExecutor;
import fr.hubag.eventsourcing.command.CommandOutcome;
import fr.hubag.servicekit.security.Caller;
import fr.hubag.servicekit.commands.CommandResponse;
import fr.hubag.servicekit.commands.Commands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The REST face of the actors' use cases: reads the command's HTTP context (Idempotency-Key, If-Match, correlation)
 * through the service kit's adapter, runs the use case, and answers with the actor as it now is — the answer that
 * is also remembered for an idempotent replay.
 */
@ApplicationScoped
public class HttpActorCommands {

    private final ActorCommands actors;
    private final Commands commands;

    public HttpActorCommands(ActorCommands actors, Commands commands) {
        this.actors = actors;
        this.commands = commands;
    }

    /** Runs a command on an existing actor the caller manages (its territory is one of the caller's). */
    public Uni<Response> onActor(UUID actorId, ActorCommand command, ContainerRequestContext http, Object body,
                                 int status) {
        return onActor(actorId, command, http, body, status, Map.of());
    }

    /** The same, with headers of its own in the answer (kept for idempotent replays like the rest of it). */
    public Uni<Response> onActor(UUID actorId, ActorCommand command, ContainerRequestContext http, Object body,
                                 int status, Map<String, String> headers) {
        Commands.Answer<ActorState> answer = commands.answering(outcomes -> respond(outcomes.get(0), status, headers));
        return actors.onActor(actorId, command, commands.context(http, actors.caller(), body), answer)
                .map(answer::toResponse);
    }

    /** Registers a new actor: the caller's territory was checked against the place's commune beforehand. */
    public Uni<Response> register(UUID actorId, ActorCommand command, ContainerRequestContext http, Object body) {
        Commands.Answer<ActorState> answer = commands.answering(outcomes -> respond(outcomes.get(0), 201, Map.of()));
        return actors.registerNew(actorId, command, commands.context(http, actors.caller(), body), answer)
                .map(answer::toResponse);
    }

    /** One command per actor, built from their current states, all recorded in one transaction (a merge). */
    public Uni<Response> together(List<UUID> actorIds, Function<List<ActorState>, List<ActorCommand>> commandsFor,
                                  ContainerRequestContext http, Object body, int status) {
        Commands.Answer<ActorState> answer = commands.answering(outcomes -> respond(outcomes.get(0), status, Map.of()));
        return actors.together(actorIds, commandsFor, commands.context(http, actors.caller(), body), answer)
                .map(answer::toResponse);
    }

    /** One command built from the actor's current state (part of the place). */
    public Uni<Response> fromState(UUID actorId, Function<ActorState, ActorCommand> commandFor,
                                   ContainerRequestContext http, Object body, int status) {
        return together(List.of(actorId), states -> List.of(commandFor.apply(states.get(0))), http, body, status);
    }

    /** The answer of a command: the actor after it and where it lives (the adapter adds the version as ETag). */
    private CommandResponse respond(CommandOutcome<ActorState> outcome, int status, Map<String, String> extra) {
        ActorState.Registered actor = (ActorState.Registered) outcome.state();
        int code = !outcome.changed() && status == 201 ? 200 : status;
        Map<String, String> headers = new HashMap<>(extra);
        headers.put("Location", "/api/actors/" + actor.actorId());
        return new CommandResponse(code, headers, commands.toJson(ActorView.of(actor, outcome.version())));
    }

    public void requireTerritoryOf(ActorState state) { actors.requireTerritoryOf(state); }

    public Caller caller() { return actors.caller(); }

    public CommandExecutor executor() { return actors.executor(); }

}
