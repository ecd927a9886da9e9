package fr.hubag.eventsourcing.store;

import java.time.Instant;
import java.util.UUID;

/** A stored event with everything the store knows about it. */
public record EventEnvelope(
        long globalPosition,
        UUID eventId,
        String streamId,
        String streamType,
        String territory,
        long streamVersion,
        String type,
        int schemaVersion,
        String payload,
        EventMetadata metadata,
        Instant occurredAt,
        Instant recordedAt) {}
