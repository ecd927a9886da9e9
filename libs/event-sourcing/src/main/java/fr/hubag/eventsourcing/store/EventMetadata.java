package fr.hubag.eventsourcing.store;

import fr.hubag.eventsourcing.tracing.TraceContext;
import io.vertx.core.json.JsonObject;

/**
 * Why and for whom an event was recorded: the correlation id of the whole conversation, the id of the message
 * that caused it, the acting user (token subject), the idempotency key of the command, if any, and the W3C
 * {@code traceparent} of the command that recorded it (null when there was no trace), so the relay and the
 * consumers continue that trace (docs/observability.md).
 */
public record EventMetadata(String correlationId, String causationId, String actingUser, String idempotencyKey,
                            String traceparent) {

    /** Metadata of an event recorded now: the trace is the one current on this thread or Vert.x context. */
    public EventMetadata(String correlationId, String causationId, String actingUser, String idempotencyKey) {
        this(correlationId, causationId, actingUser, idempotencyKey, TraceContext.currentTraceparent());
    }

    public JsonObject toJson() {
        JsonObject json = new JsonObject()
                .put("correlationId", correlationId)
                .put("causationId", causationId)
                .put("actingUser", actingUser)
                .put("idempotencyKey", idempotencyKey);
        if (traceparent != null) {
            json.put("traceparent", traceparent);
        }
        return json;
    }

    public static EventMetadata fromJson(JsonObject json) {
        return new EventMetadata(json.getString("correlationId"), json.getString("causationId"),
                json.getString("actingUser"), json.getString("idempotencyKey"), json.getString("traceparent"));
    }
}
