package fr.hubag.actors.domain;

import fr.hubag.eventsourcing.Territory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What happened to an actor. These records are the published contracts
 * (contracts/events/actors/*.json): change them only with a new schema version and an upcaster.
 */
public sealed interface ActorEvent {

    UUID actorId();

    Instant occurredAt();

    record ActorRegistered(UUID actorId, String name, ActorKind kind, Territory territory, Commune commune,
                           String address, Instant occurredAt) implements ActorEvent {}

    record LabelGranted(UUID actorId, Label label, LocalDate validFrom, LocalDate validUntil, Instant occurredAt)
            implements ActorEvent {}
}
