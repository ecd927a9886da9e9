package fr.hubag.actors.domain;

import fr.hubag.actors.domain.ActorCommand.GrantLabel;
import fr.hubag.actors.domain.ActorCommand.RegisterActor;
import fr.hubag.actors.domain.ActorEvent.ActorRegistered;
import fr.hubag.actors.domain.ActorEvent.LabelGranted;
import fr.hubag.actors.domain.ActorState.Registered;
import fr.hubag.actors.domain.ActorState.Unregistered;
import fr.hubag.eventsourcing.Territory;
import fr.hubag.eventsourcing.decider.CommandRejected;
import fr.hubag.eventsourcing.decider.Decider;

import java.util.List;

/** The rules of an actor of the census: registered once, in a hub commune; labels granted over valid periods. */
public final class ActorDecider implements Decider<ActorCommand, ActorEvent, ActorState> {

    @Override
    public ActorState initialState() {
        return new Unregistered();
    }

    @Override
    public List<ActorEvent> decide(ActorCommand command, ActorState state) {
        return switch (command) {
            case RegisterActor register -> register(register, state);
            case GrantLabel grant -> grant(grant, state);
        };
    }

    @Override
    public ActorState evolve(ActorState state, ActorEvent event) {
        return switch (event) {
            case ActorRegistered registered -> new Registered(registered.actorId(), registered.name(),
                    registered.kind(), registered.territory(), registered.commune(), registered.address(), List.of());
            case LabelGranted granted -> state instanceof Registered actor
                    ? actor.withLabel(new LabelGrant(granted.label(), granted.validFrom(), granted.validUntil()))
                    : state;
        };
    }

    private static List<ActorEvent> register(RegisterActor command, ActorState state) {
        if (state instanceof Registered) {
            throw CommandRejected.conflict("actor-already-registered",
                    "actor " + command.actorId() + " is already registered");
        }
        Territory territory = command.commune().territory().orElseThrow(() -> CommandRejected.unprocessable(
                "commune-outside-hub", "commune.inseeCode",
                "INSEE code " + command.commune().inseeCode() + " is not a commune of GP, GF, MQ or MF"));
        if (!command.commune().postcodeAgreesWith(territory)) {
            throw CommandRejected.unprocessable("postcode-mismatch", "commune.postcode",
                    "postcode " + command.commune().postcode() + " is not a postcode of " + territory.label());
        }
        return List.of(new ActorRegistered(command.actorId(), command.name(), command.kind(), territory,
                command.commune(), command.address(), command.at()));
    }

    private static List<ActorEvent> grant(GrantLabel command, ActorState state) {
        if (!(state instanceof Registered actor)) {
            throw CommandRejected.notFound("actor-not-found", "no actor " + command.actorId());
        }
        if (command.validUntil() != null && command.validUntil().isBefore(command.validFrom())) {
            throw CommandRejected.unprocessable("invalid-period", "validUntil",
                    "validUntil " + command.validUntil() + " is before validFrom " + command.validFrom());
        }
        boolean overlaps = actor.labels().stream().anyMatch(held -> held.label() == command.label()
                && held.overlaps(command.validFrom(), command.validUntil()));
        if (overlaps) {
            throw CommandRejected.conflict("label-already-granted",
                    "actor already holds " + command.label().code() + " over part of that period");
        }
        return List.of(new LabelGranted(actor.actorId(), command.label(), command.validFrom(), command.validUntil(),
                command.at()));
    }
}
