package fr.hubag.actors.api;

import fr.hubag.actors.domain.ActorCommand;
import fr.hubag.actors.domain.ActorState;
import fr.hubag.actors.infra.ActorStreams;
import fr.hubag.eventsourcing.command.CommandExecutor;
import fr.hubag.eventsourcing.command.CommandOutcome;
import fr.hubag.eventsourcing.command.CommandResponse;
import fr.hubag.servicekit.problem.InvalidRequest;
import fr.hubag.servicekit.security.Caller;
import fr.hubag.servicekit.web.Commands;
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
 * What every actors endpoint does with a command: authorise against the actor's current territory, run it through
 * the kernel (idempotency key, If-Match, one append), and answer with the actor as it now is.
 */
@ApplicationScoped
public class ActorCommands {

    private final CommandExecutor executor;
    private final Commands commands;
    private final Caller caller;

    public ActorCommands(CommandExecutor executor, Commands commands, Caller caller) {
        this.executor = executor;
        this.commands = commands;
        this.caller = caller;
    }

    /** Runs a command on an existing actor the caller manages (its territory is one of the caller's). */
    public Uni<Response> onActor(UUID actorId, ActorCommand command, ContainerRequestContext http, Object body,
                                 int status) {
        return onActor(actorId, command, http, body, status, Map.of());
    }

    /** The same, with headers of its own in the answer (kept for idempotent replays like the rest of it). */
    public Uni<Response> onActor(UUID actorId, ActorCommand command, ContainerRequestContext http, Object body,
                                 int status, Map<String, String> headers) {
        return executor.execute(ActorStreams.ACTOR, actorId.toString(), command, commands.context(http, caller, body),
                        this::requireTerritoryOf, outcome -> respond(outcome, status, headers))
                .map(Commands::toResponse);
    }

    /** Registers a new actor: the caller's territory was checked against the place's commune beforehand. */
    public Uni<Response> register(UUID actorId, ActorCommand command, ContainerRequestContext http, Object body) {
        return executor.execute(ActorStreams.ACTOR, actorId.toString(), command, commands.context(http, caller, body),
                        state -> { }, outcome -> respond(outcome, 201, Map.of()))
                .map(Commands::toResponse);
    }

    /**
     * Runs one command per actor, built from their current states, all recorded in one transaction (a merge), after
     * checking the caller manages every one of them. The answer is the first actor as it now is.
     */
    public Uni<Response> together(List<UUID> actorIds, Function<List<ActorState>, List<ActorCommand>> commandsFor,
                                  ContainerRequestContext http, Object body, int status) {
        return executor.executeTogether(ActorStreams.ACTOR, actorIds.stream().map(UUID::toString).toList(),
                        commands.context(http, caller, body), states -> {
                            states.forEach(this::requireTerritoryOf);
                            return commandsFor.apply(states);
                        }, outcomes -> respond(outcomes.get(0), status, Map.of()))
                .map(Commands::toResponse);
    }

    /** One command built from the actor's current state (part of the place), so a concurrent change is a 409. */
    public Uni<Response> fromState(UUID actorId, Function<ActorState, ActorCommand> commandFor,
                                   ContainerRequestContext http, Object body, int status) {
        return together(List.of(actorId), states -> List.of(commandFor.apply(states.get(0))), http, body, status);
    }

    /** The answer of a command: the actor after it, its version as ETag, and where it lives. */
    private CommandResponse respond(CommandOutcome<ActorState> outcome, int status, Map<String, String> extra) {
        ActorState.Registered actor = (ActorState.Registered) outcome.state();
        int code = outcome.events().isEmpty() && status == 201 ? 200 : status;
        Map<String, String> headers = new HashMap<>(extra);
        headers.put("Location", "/api/actors/" + actor.actorId());
        headers.put("ETag", "\"" + outcome.version() + "\"");
        return new CommandResponse(code, headers, commands.toJson(ActorView.of(actor, outcome.version())));
    }

    /** Throws 403 unless the caller's token covers the territory of the actor (when it exists). */
    public void requireTerritoryOf(ActorState state) {
        switch (state) {
            case ActorState.Registered actor -> caller.requireTerritory(actor.territory());
            case ActorState.Merged merged -> caller.requireTerritory(merged.territory());
            case ActorState.Unregistered unregistered -> { }
        }
    }

    public Caller caller() { return caller; }

    public CommandExecutor executor() { return executor; }

    static UUID parseId(String field, String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw InvalidRequest.of(field, "must be a UUID");
        }
    }
}
