package fr.hubag.eventsourcing.store;

import java.time.Instant;
import java.util.UUID;

/** An event about to be appended, already encoded to its contract's JSON. */
public record NewEvent(UUID eventId, String type, int schemaVersion, String payload, Instant occurredAt) {}
