package fr.hubag.eventsourcing.command;

import fr.hubag.eventsourcing.consumer.ConsumedEvent;

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

    /** A command with no key and no expected version (one that a retry may decide again). */
    public static CommandContext of(String correlationId, String causationId, String actingUser) {
        return new CommandContext(correlationId, causationId, actingUser, null, null, OptionalLong.empty());
    }

    /**
     * A command a job or a reaction runs: its key is derived from what it does (job and period, or the event it
     * reacts to and the stream it acts on), so running it twice decides it once.
     */
    public static CommandContext derived(String actor, String key, String correlationId) {
        return new CommandContext(correlationId, key, actor, key, key, OptionalLong.empty());
    }

    /**
     * A command run in reaction to another domain's event: keyed by the reacting consumer, the event and the target
     * stream, so a redelivered event (Kafka delivers at least once) decides nothing twice; caused by that event.
     */
    public static CommandContext reactingTo(String consumer, ConsumedEvent event, String targetStreamId) {
        String key = consumer + ":" + event.eventId() + ":" + targetStreamId;
        return new CommandContext(event.correlationId(), event.eventId().toString(), consumer, key, key,
                OptionalLong.empty());
    }


    public boolean hasIdempotencyKey() {
        return idempotencyKey != null && !idempotencyKey.isBlank();
    }
}
