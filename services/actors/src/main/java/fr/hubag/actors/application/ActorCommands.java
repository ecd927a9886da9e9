package fr.hubag.actors.application;

import fr.hubag.actors.domain.ActorCommand;
import fr.hubag.actors.domain.ActorState;
import fr.hubag.actors.infra.ActorStreams;
import fr.hubag.eventsourcing.command.CommandContext;
import fr.hubag.eventsourcing.command.CommandExecutor;
import fr.hubag.eventsourcing.command.CommandOutcome;
import fr.hubag.eventsourcing.command.CommandResult;
import fr.hubag.servicekit.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The census's use cases as commands on actors, for any transport (REST, the importer, a job): each checks that the
 * caller manages the territory of every actor it touches, against the actors' current state, then runs through the
 * kernel, which answers with a typed result. HTTP specifics (status, ETag, the stored answer) live in the api.
 */
@ApplicationScoped
public class ActorCommands {

    private final CommandExecutor executor;
    private final Caller caller;

    public ActorCommands(CommandExecutor executor, Caller caller) {
        this.executor = executor;
        this.caller = caller;
    }

    /** A command on an existing actor the caller manages. */
    public Uni<CommandResult<ActorState>> onActor(UUID actorId, ActorCommand command, CommandContext context,
                                                  Function<List<CommandOutcome<ActorState>>, String> answer) {
        return together(List.of(actorId), states -> List.of(command), context, answer);
    }

    /**
     * Registers (or records) a place: the caller's territory was checked against the place's commune beforehand,
     * and the decider refuses a change of territory, so the current state needs no check of its own.
     */
    public Uni<CommandResult<ActorState>> register(UUID actorId, ActorCommand command, CommandContext context,
                                                   Function<List<CommandOutcome<ActorState>>, String> answer) {
        return executor.execute(ActorStreams.ACTOR, List.of(actorId.toString()), context, states -> List.of(command),
                answer);
    }

    /**
     * Registers a place under an id this service has just generated: no stream can exist under it yet, so none is
     * read — the command is one statement, its append with its idempotency key ({@link CommandExecutor#create}).
     */
    public Uni<CommandResult<ActorState>> registerNew(UUID actorId, ActorCommand command, CommandContext context,
                                                      Function<List<CommandOutcome<ActorState>>, String> answer) {
        return executor.create(ActorStreams.ACTOR, actorId.toString(), context, states -> List.of(command), answer,
                null);
    }

    /**
     * One command per actor, built from their current states, all recorded together or none (a merge, a window of
     * an import), after checking the caller manages every one of them.
     */
    public Uni<CommandResult<ActorState>> together(List<UUID> actorIds,
                                                   Function<List<ActorState>, List<ActorCommand>> commandsFor,
                                                   CommandContext context,
                                                   Function<List<CommandOutcome<ActorState>>, String> answer) {
        return executor.execute(ActorStreams.ACTOR, actorIds.stream().map(UUID::toString).toList(), context,
                states -> {
                    states.forEach(this::requireTerritoryOf);
                    return commandsFor.apply(states);
                }, answer);
    }

    /** An actor as it is now, after checking the caller may see it. */
    public Uni<CommandExecutor.Loaded<ActorState>> load(UUID actorId) {
        return executor.load(ActorStreams.ACTOR, actorId.toString()).map(loaded -> {
            requireTerritoryOf(loaded.state());
            return loaded;
        });
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
}
