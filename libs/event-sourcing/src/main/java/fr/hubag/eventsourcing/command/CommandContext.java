package fr.hubag.eventsourcing.command;

import java.util.OptionalLong;

/**
 * Who sends a command and how to make it safe to retry: correlation and causation ids, the acting user, the
 * client's {@code Idempotency-Key} with a hash of the request it came with, and an optional expected version
 * (from {@code If-Match}).
 */
public record CommandContext(
        String correlationId,
        String causationId,
        String actingUser,
        String idempotencyKey,
        String requestHash,
        OptionalLong expectedVersion) {

    public boolean hasIdempotencyKey() {
        return idempotencyKey != null && !idempotencyKey.isBlank();
    }
}
