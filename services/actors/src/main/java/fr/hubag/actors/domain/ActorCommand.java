package fr.hubag.actors.domain;

import fr.hubag.contracts.actors.AidantRole;
import fr.hubag.contracts.actors.Label;
import fr.hubag.contracts.actors.Training;
import fr.hubag.contracts.actors.Place;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What can be asked of an actor of the census. {@code at} is when the command was received. */
public sealed interface ActorCommand {

    UUID actorId();

    record RegisterActor(UUID actorId, Place place, Instant at) implements ActorCommand {}

    record ChangeActorDetails(UUID actorId, Place place, Instant at) implements ActorCommand {}

    /**
     * From an import: register the place if new, change it if it differs, and do nothing if it is the same.
     * {@code updatedOnAssumed}: the file gave no date of last update and the import's date stands in for it, so a
     * place that differs only by that date is the same (importing the file again another day changes nothing).
     */
    record RecordPlace(UUID actorId, Place place, Instant at, boolean updatedOnAssumed) implements ActorCommand {
        public RecordPlace(UUID actorId, Place place, Instant at) {
            this(actorId, place, at, false);
        }
    }

    record CloseActor(UUID actorId, LocalDate closedOn, String reason, Instant at) implements ActorCommand {}

    record ReopenActor(UUID actorId, LocalDate reopenedOn, Instant at) implements ActorCommand {}

    record GrantLabel(UUID actorId, Label label, LocalDate validFrom, LocalDate validUntil, Instant at)
            implements ActorCommand {}

    record RevokeLabel(UUID actorId, Label label, LocalDate effectiveOn, String reason, Instant at)
            implements ActorCommand {}

    record EnrolAidant(UUID actorId, UUID aidantId, String name, AidantRole role, LocalDate enrolledOn, Instant at)
            implements ActorCommand {}

    record RecordAidantTraining(UUID actorId, UUID aidantId, Training training, Instant at) implements ActorCommand {}

    record RecordAidantDeparture(UUID actorId, UUID aidantId, LocalDate departedOn, Instant at)
            implements ActorCommand {}

    /** The survivor's half of a merge: it takes over the absorbed actor's labels and aidants. */
    record AbsorbActor(UUID actorId, ActorState absorbed, Instant at) implements ActorCommand {}

    /** The absorbed actor's half of a merge: from now on its id stands for the survivor. */
    record MergeInto(UUID actorId, ActorState survivor, Instant at) implements ActorCommand {}
}
