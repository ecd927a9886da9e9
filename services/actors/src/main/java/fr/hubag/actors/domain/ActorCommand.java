package fr.hubag.actors.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What can be asked of an actor of the census. */
public sealed interface ActorCommand {

    UUID actorId();

    record RegisterActor(UUID actorId, String name, ActorKind kind, Commune commune, String address, Instant at)
            implements ActorCommand {}

    record GrantLabel(UUID actorId, Label label, LocalDate validFrom, LocalDate validUntil, Instant at)
            implements ActorCommand {}
}
