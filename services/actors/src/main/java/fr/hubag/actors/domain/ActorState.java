package fr.hubag.actors.domain;

import fr.hubag.contracts.actors.Aidant;
import fr.hubag.contracts.actors.Label;
import fr.hubag.contracts.actors.LabelGrant;
import fr.hubag.contracts.actors.Place;
import fr.hubag.domain.Territory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** An actor as its events make it: not yet registered, registered (open or closed), or merged into another. */
public sealed interface ActorState {

    record Unregistered() implements ActorState {}

    record Registered(UUID actorId, Territory territory, Place place, LocalDate closedOn, List<LabelGrant> labels,
                      List<Aidant> aidants, List<UUID> absorbedActorIds) implements ActorState {

        public Registered {
            labels = List.copyOf(labels);
            aidants = List.copyOf(aidants);
            absorbedActorIds = List.copyOf(absorbedActorIds);
        }

        public boolean closed() { return closedOn != null; }

        public Optional<Aidant> aidant(UUID aidantId) {
            return aidants.stream().filter(a -> a.aidantId().equals(aidantId)).findFirst();
        }

        /** The grant of {@code label} covering {@code date}, if any. */
        public Optional<LabelGrant> grantOn(Label label, LocalDate date) {
            return labels.stream().filter(g -> g.label() == label && g.validOn(date)).findFirst();
        }

        Registered withPlace(Place newPlace) {
            return new Registered(actorId, territory, newPlace, closedOn, labels, aidants, absorbedActorIds);
        }

        Registered withClosedOn(LocalDate on) {
            return new Registered(actorId, territory, place, on, labels, aidants, absorbedActorIds);
        }

        Registered withLabels(List<LabelGrant> newLabels) {
            return new Registered(actorId, territory, place, closedOn, newLabels, aidants, absorbedActorIds);
        }

        Registered withAidants(List<Aidant> newAidants) {
            return new Registered(actorId, territory, place, closedOn, labels, newAidants, absorbedActorIds);
        }

        Registered withAidant(UUID aidantId, UnaryOperator<Aidant> change) {
            return withAidants(aidants.stream().map(a -> a.aidantId().equals(aidantId) ? change.apply(a) : a)
                    .toList());
        }

        Registered absorbing(UUID absorbedId, List<LabelGrant> moreLabels, List<Aidant> moreAidants) {
            List<LabelGrant> allLabels = new ArrayList<>(labels);
            allLabels.addAll(moreLabels);
            List<Aidant> allAidants = new ArrayList<>(aidants);
            moreAidants.stream().filter(a -> aidant(a.aidantId()).isEmpty()).forEach(allAidants::add);
            List<UUID> absorbed = new ArrayList<>(absorbedActorIds);
            absorbed.add(absorbedId);
            return new Registered(actorId, territory, place, closedOn, allLabels, allAidants, absorbed);
        }
    }

    /** Absorbed by a merge: the history stays, and the id now stands for the survivor. */
    record Merged(UUID actorId, Territory territory, UUID survivorActorId) implements ActorState {}
}
