package fr.hubag.actors.domain;

import fr.hubag.contracts.actors.ActorEvent;
import fr.hubag.contracts.actors.Aidant;
import fr.hubag.contracts.actors.LabelGrant;
import fr.hubag.contracts.actors.Training;
import fr.hubag.actors.domain.ActorCommand.AbsorbActor;
import fr.hubag.actors.domain.ActorCommand.ChangeActorDetails;
import fr.hubag.actors.domain.ActorCommand.CloseActor;
import fr.hubag.actors.domain.ActorCommand.EnrolAidant;
import fr.hubag.actors.domain.ActorCommand.GrantLabel;
import fr.hubag.actors.domain.ActorCommand.MergeInto;
import fr.hubag.actors.domain.ActorCommand.RecordAidantDeparture;
import fr.hubag.actors.domain.ActorCommand.RecordAidantTraining;
import fr.hubag.actors.domain.ActorCommand.RecordPlace;
import fr.hubag.actors.domain.ActorCommand.RegisterActor;
import fr.hubag.actors.domain.ActorCommand.ReopenActor;
import fr.hubag.actors.domain.ActorCommand.RevokeLabel;
import fr.hubag.contracts.actors.ActorEvent.ActorClosed;
import fr.hubag.contracts.actors.ActorEvent.ActorDetailsChanged;
import fr.hubag.contracts.actors.ActorEvent.ActorRegistered;
import fr.hubag.contracts.actors.ActorEvent.ActorReopened;
import fr.hubag.contracts.actors.ActorEvent.ActorsMerged;
import fr.hubag.contracts.actors.ActorEvent.AidantDeparted;
import fr.hubag.contracts.actors.ActorEvent.AidantEnrolled;
import fr.hubag.contracts.actors.ActorEvent.AidantTrainingCompleted;
import fr.hubag.contracts.actors.ActorEvent.LabelGranted;
import fr.hubag.contracts.actors.ActorEvent.LabelRevoked;
import fr.hubag.actors.domain.ActorState.Merged;
import fr.hubag.actors.domain.ActorState.Registered;
import fr.hubag.actors.domain.ActorState.Unregistered;
import fr.hubag.contracts.actors.Place;
import fr.hubag.domain.Territory;
import fr.hubag.domain.CommandRejected;
import fr.hubag.domain.Decider;

import java.util.List;
import java.util.Optional;

/**
 * The rules of an actor of the census: registered once in a hub commune (the territory comes from the commune and
 * never changes), details changed, closed and reopened, labels granted and revoked over periods, aidants enrolled,
 * trained and departed, and duplicates merged. Aidant rules live in {@link AidantRules} to keep this readable.
 */
public final class ActorDecider implements Decider<ActorCommand, ActorEvent, ActorState> {

    @Override
    public ActorState initialState() {
        return new Unregistered();
    }

    /** The place an import records: the stored one when the file's only difference is a date it did not give. */
    private static Place recorded(RecordPlace record, ActorState state) {
        if (record.updatedOnAssumed() && state instanceof Registered actor
                && record.place().withUpdatedOn(actor.place().updatedOn()).equals(actor.place())) {
            return actor.place();
        }
        return record.place();
    }

    @Override
    public List<ActorEvent> decide(ActorCommand command, ActorState state) {
        return switch (command) {
            case RegisterActor register -> register(register.actorId(), register.place(), register.at(), state);
            case RecordPlace record -> state instanceof Unregistered
                    ? register(record.actorId(), record.place(), record.at(), state)
                    : change(new ChangeActorDetails(record.actorId(), recorded(record, state), record.at()), state);
            case ChangeActorDetails change -> change(change, state);
            case CloseActor close -> close(close, open(state, close.actorId()));
            case ReopenActor reopen -> reopen(reopen, registered(state, reopen.actorId()));
            case GrantLabel grant -> grant(grant, open(state, grant.actorId()));
            case RevokeLabel revoke -> revoke(revoke, registered(state, revoke.actorId()));
            case EnrolAidant enrol -> AidantRules.enrol(enrol, open(state, enrol.actorId()));
            case RecordAidantTraining training -> AidantRules.training(training, registered(state, training.actorId()));
            case RecordAidantDeparture departure ->
                    AidantRules.departure(departure, registered(state, departure.actorId()));
            case AbsorbActor absorb -> absorb(absorb, open(state, absorb.actorId()));
            case MergeInto merge -> mergeInto(merge, registered(state, merge.actorId()));
        };
    }

    @Override
    public ActorState evolve(ActorState state, ActorEvent event) {
        if (event instanceof ActorRegistered registered) {
            return new Registered(registered.actorId(), registered.territory(), registered.place(), null, List.of(),
                    List.of(), List.of());
        }
        if (!(state instanceof Registered actor)) {
            return state;
        }
        return switch (event) {
            case ActorRegistered registered -> actor;
            case ActorDetailsChanged changed -> actor.withPlace(changed.place());
            case ActorClosed closed -> actor.withClosedOn(closed.closedOn());
            case ActorReopened reopened -> actor.withClosedOn(null);
            case LabelGranted granted -> actor.withLabels(append(actor.labels(),
                    new LabelGrant(granted.label(), granted.validFrom(), granted.validUntil())));
            case LabelRevoked revoked -> actor.withLabels(actor.labels().stream()
                    .flatMap(g -> g.label() == revoked.label() ? g.revokedFrom(revoked.effectiveOn()).stream()
                            : Optional.of(g).stream())
                    .toList());
            case AidantEnrolled enrolled -> actor.withAidants(append(actor.aidants(), new Aidant(enrolled.aidantId(),
                    enrolled.name(), enrolled.role(), enrolled.enrolledOn(), null, List.of())));
            case AidantTrainingCompleted done -> actor.withAidant(done.aidantId(), a -> a.withTraining(
                    new Training(done.title(), done.provider(), done.hours(), done.completedOn())));
            case AidantDeparted departed -> actor.withAidant(departed.aidantId(), a -> a.departed(departed.departedOn()));
            case ActorsMerged merged -> merged.absorbedActorId().equals(actor.actorId())
                    ? new Merged(actor.actorId(), actor.territory(), merged.survivorActorId())
                    : actor.absorbing(merged.absorbedActorId(), merged.absorbedLabels(), merged.absorbedAidants());
        };
    }

    private static List<ActorEvent> register(java.util.UUID actorId, Place place, java.time.Instant at,
                                             ActorState state) {
        if (!(state instanceof Unregistered)) {
            throw CommandRejected.conflict("actor-already-registered", "actor " + actorId + " is already registered");
        }
        return List.of(new ActorRegistered(actorId, territoryOf(place), place, at));
    }

    private static List<ActorEvent> change(ChangeActorDetails command, ActorState state) {
        Registered actor = registered(state, command.actorId());
        Territory territory = territoryOf(command.place());
        if (territory != actor.territory()) {
            throw CommandRejected.unprocessable("territory-change", "commune.inseeCode",
                    "the actor is in " + actor.territory().label() + "; a commune of " + territory.label()
                            + " would move it to another territory: close it and register the new place there");
        }
        if (command.place().equals(actor.place())) {
            return List.of();
        }
        return List.of(new ActorDetailsChanged(actor.actorId(), territory, command.place(), command.at()));
    }

    private static List<ActorEvent> close(CloseActor command, Registered actor) {
        return List.of(new ActorClosed(actor.actorId(), command.closedOn(), command.reason(), command.at()));
    }

    private static List<ActorEvent> reopen(ReopenActor command, Registered actor) {
        if (!actor.closed()) {
            throw CommandRejected.conflict("actor-not-closed", "actor " + actor.actorId() + " is open");
        }
        if (command.reopenedOn().isBefore(actor.closedOn())) {
            throw CommandRejected.unprocessable("invalid-date", "reopenedOn",
                    "reopenedOn " + command.reopenedOn() + " is before the closure on " + actor.closedOn());
        }
        return List.of(new ActorReopened(actor.actorId(), command.reopenedOn(), command.at()));
    }

    private static List<ActorEvent> grant(GrantLabel command, Registered actor) {
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

    private static List<ActorEvent> revoke(RevokeLabel command, Registered actor) {
        boolean held = actor.labels().stream()
                .anyMatch(g -> g.label() == command.label() && g.reachesOrPasses(command.effectiveOn()));
        if (!held) {
            throw CommandRejected.conflict("label-not-held", "actor holds no " + command.label().code()
                    + " grant on or after " + command.effectiveOn());
        }
        return List.of(new LabelRevoked(actor.actorId(), command.label(), command.effectiveOn(), command.reason(),
                command.at()));
    }

    private static List<ActorEvent> absorb(AbsorbActor command, Registered survivor) {
        if (!(command.absorbed() instanceof Registered absorbed)) {
            throw command.absorbed() instanceof Merged merged
                    ? CommandRejected.conflict("actor-merged", "actor " + merged.actorId()
                            + " was already merged into " + merged.survivorActorId())
                    : CommandRejected.notFound("actor-not-found", "no actor to absorb");
        }
        if (absorbed.actorId().equals(survivor.actorId())) {
            throw CommandRejected.unprocessable("self-merge", "absorbedActorId", "an actor cannot absorb itself");
        }
        if (absorbed.territory() != survivor.territory()) {
            throw CommandRejected.unprocessable("territory-mismatch", "absorbedActorId", "actor "
                    + absorbed.actorId() + " is in " + absorbed.territory().label() + ", the survivor in "
                    + survivor.territory().label() + ": only duplicates of one territory can be merged");
        }
        return List.of(merged(survivor, absorbed, command.at()).withStream(survivor.actorId()));
    }

    private static List<ActorEvent> mergeInto(MergeInto command, Registered absorbed) {
        if (!(command.survivor() instanceof Registered survivor)) {
            throw CommandRejected.notFound("actor-not-found", "no surviving actor");
        }
        return List.of(merged(survivor, absorbed, command.at()).withStream(absorbed.actorId()));
    }

    private static MergeRecord merged(Registered survivor, Registered absorbed, java.time.Instant at) {
        return new MergeRecord(survivor.actorId(), absorbed.actorId(), absorbed.labels(), absorbed.aidants(), at);
    }

    private record MergeRecord(java.util.UUID survivor, java.util.UUID absorbed, List<LabelGrant> labels,
                               List<Aidant> aidants, java.time.Instant at) {
        ActorsMerged withStream(java.util.UUID streamActor) {
            return new ActorsMerged(streamActor, survivor, absorbed, labels, aidants, at);
        }
    }

    static Territory territoryOf(Place place) {
        return place.commune().territory().orElseThrow(() -> CommandRejected.unprocessable("commune-outside-hub",
                "commune.inseeCode", "INSEE code " + place.commune().inseeCode()
                        + " is not a commune of GP, GF, MQ or MF"));
    }

    /** The registered actor, or the refusal every command gets: 404 unknown, 409 merged. */
    public static Registered registered(ActorState state, java.util.UUID actorId) {
        return switch (state) {
            case Registered actor -> actor;
            case Merged merged -> throw CommandRejected.conflict("actor-merged", "actor " + actorId
                    + " was merged into " + merged.survivorActorId() + "; act on that actor");
            case Unregistered unregistered -> throw CommandRejected.notFound("actor-not-found", "no actor " + actorId);
        };
    }

    static Registered open(ActorState state, java.util.UUID actorId) {
        Registered actor = registered(state, actorId);
        if (actor.closed()) {
            throw CommandRejected.conflict("actor-closed", "actor " + actorId + " is closed since "
                    + actor.closedOn() + "; reopen it first");
        }
        return actor;
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> more = new java.util.ArrayList<>(list);
        more.add(item);
        return more;
    }
}
