package fr.hubag.actors.api;

import fr.hubag.actors.domain.ActorState;
import fr.hubag.contracts.actors.LabelGrant;
import fr.hubag.contracts.actors.Place;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An actor as the write service knows it: its place in the national standard's terms, its labels over time, its
 * aidants, and the stream version to send back in {@code If-Match}.
 */
public record ActorView(UUID id, String territory, String status, LocalDate closedOn, Place place,
                        List<LabelGrant> labels, List<AidantView> aidants, List<UUID> absorbedActorIds,
                        long version) {

    /** The actor as its staff see it (the answer to a command, which only staff may send). */
    static ActorView of(ActorState.Registered actor, long version) {
        return of(actor, version, true);
    }

    /** {@code staff} false: a partner's view, aidants reduced to name, role and number of trainings. */
    static ActorView of(ActorState.Registered actor, long version, boolean staff) {
        return new ActorView(actor.actorId(), actor.territory().name(), actor.closed() ? "closed" : "open",
                actor.closedOn(), actor.place(), actor.labels(),
                actor.aidants().stream().map(staff ? AidantView::full : AidantView::reduced).toList(),
                actor.absorbedActorIds(), version);
    }
}
