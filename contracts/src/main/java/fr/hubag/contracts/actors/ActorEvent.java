package fr.hubag.contracts.actors;

import fr.hubag.domain.Territory;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What happened to an actor: the records the actors decider decides and folds, the actors store writes and every
 * consumer of {@code actors.events} reads. They are the published contracts (contracts/events/actors/*.json, checked
 * both ways by the actors service's {@code ActorEventRecordsTest}): change them only with a new schema version, its
 * record and an upcast in {@link ActorEvents}.
 */
public sealed interface ActorEvent {

    UUID actorId();

    Instant occurredAt();

    record ActorRegistered(UUID actorId, Territory territory, Place place, Instant occurredAt)
            implements ActorEvent {}

    record ActorDetailsChanged(UUID actorId, Territory territory, Place place, Instant occurredAt)
            implements ActorEvent {}

    record ActorClosed(UUID actorId, LocalDate closedOn, String reason, Instant occurredAt) implements ActorEvent {}

    record ActorReopened(UUID actorId, LocalDate reopenedOn, Instant occurredAt) implements ActorEvent {}

    record LabelGranted(UUID actorId, Label label, LocalDate validFrom, LocalDate validUntil, Instant occurredAt)
            implements ActorEvent {}

    record LabelRevoked(UUID actorId, Label label, LocalDate effectiveOn, String reason, Instant occurredAt)
            implements ActorEvent {}

    record AidantEnrolled(UUID actorId, UUID aidantId, String name, AidantRole role, LocalDate enrolledOn,
                          Instant occurredAt) implements ActorEvent {}

    record AidantTrainingCompleted(UUID actorId, UUID aidantId, String title, String provider, BigDecimal hours,
                                   LocalDate completedOn, Instant occurredAt) implements ActorEvent {}

    record AidantDeparted(UUID actorId, UUID aidantId, LocalDate departedOn, Instant occurredAt)
            implements ActorEvent {}

    /** Recorded on both streams of a merge, in one transaction; {@code actorId} says which stream this copy is in. */
    record ActorsMerged(UUID actorId, UUID survivorActorId, UUID absorbedActorId, List<LabelGrant> absorbedLabels,
                        List<Aidant> absorbedAidants, Instant occurredAt) implements ActorEvent {

        public ActorsMerged {
            absorbedLabels = absorbedLabels == null ? List.of() : List.copyOf(absorbedLabels);
            absorbedAidants = absorbedAidants == null ? List.of() : List.copyOf(absorbedAidants);
        }
    }
}
