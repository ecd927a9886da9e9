package fr.hubag.webhooks;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One notification to one endpoint. Its {@code id} is derived from the domain event it reports, so the same
 * notification sent again (a retry, a replay of the event) carries the same {@code webhook-id} and the receiver can
 * drop what it has already handled; its timestamp is that of the attempt, as the specification asks.
 */
public record WebhookMessage(String id, String type, byte[] body) {

    public WebhookMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(body, "body");
        if (id.isBlank() || id.chars().anyMatch(c -> c == '.' || Character.isWhitespace(c))) {
            throw new IllegalArgumentException("a webhook message id has no dot or space: " + id);
        }
    }

    /** The message reporting a domain event: {@code msg_} and the event's id. */
    public static WebhookMessage forEvent(UUID eventId, String type, byte[] body) {
        return new WebhookMessage("msg_" + eventId, type, body);
    }

    /** The headers' timestamp for an attempt made at {@code at}, in whole seconds. */
    public static long timestamp(Instant at) {
        return at.getEpochSecond();
    }
}
