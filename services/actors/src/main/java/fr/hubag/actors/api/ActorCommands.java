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

import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

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
        return run(actorId, command, http, body, this::requireTerritoryOf, status);
    }

    public Uni<Response> run(UUID actorId, ActorCommand command, ContainerRequestContext http, Object body,
                             Consumer<ActorState> guard, int status) {
        return executor.execute(ActorStreams.ACTOR, actorId.toString(), command, commands.context(http, caller, body),
                        guard, outcome -> respond(outcome, status))
                .map(Commands::toResponse);
    }

    /**
     * Runs a command built from the actor's current state (an update of part of the place, say), in the same
     * load-decide-append as any other, so a concurrent change is a 409 rather than a lost update.
     */
    public Uni<Response> fromState(UUID actorId, java.util.function.Function<ActorState, ActorCommand> commandFor,
                                   ContainerRequestContext http, Object body, int status) {
        return executor.executeTogether(ActorStreams.ACTOR, java.util.List.of(actorId.toString()),
                        commands.context(http, caller, body), states -> java.util.List.of(commandFor.apply(states.get(0))),
                        outcomes -> respond(outcomes.get(0), status))
                .map(Commands::toResponse);
    }

    /** The registered actor, or the decider's own refusal (404 unknown, 409 merged). */
    static ActorState.Registered registered(ActorState state, UUID actorId) {
        return switch (state) {
            case ActorState.Registered actor -> actor;
            case ActorState.Merged merged -> throw fr.hubag.eventsourcing.decider.CommandRejected.conflict(
                    "actor-merged", "actor " + actorId + " was merged into " + merged.survivorActorId());
            case ActorState.Unregistered none -> throw fr.hubag.eventsourcing.decider.CommandRejected.notFound(
                    "actor-not-found", "no actor " + actorId);
        };
    }

    /** The answer of a command: the actor after it, its version as ETag, and where it lives. */
    CommandResponse respond(CommandOutcome<ActorState> outcome, int status) {
        ActorState.Registered actor = (ActorState.Registered) outcome.state();
        int code = outcome.events().isEmpty() && status == 201 ? 200 : status;
        return new CommandResponse(code, Map.of("Location", "/api/actors/" + actor.actorId(),
                "ETag", "\"" + outcome.version() + "\""), commands.toJson(ActorView.of(actor, outcome.version())));
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

    public Commands commands() { return commands; }

    static UUID parseId(String field, String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw InvalidRequest.of(field, "must be a UUID");
        }
    }
}
