package fr.hubag.eventsourcing.command;

/** The caller sent an {@code Idempotency-Key} it already used for a different request: 422, nothing done. */
public final class IdempotencyKeyReused extends RuntimeException {

    public IdempotencyKeyReused(String key) {
        super("Idempotency-Key '" + key + "' was already used with a different request");
    }
}
