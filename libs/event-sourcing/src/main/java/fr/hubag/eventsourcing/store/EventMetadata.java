package fr.hubag.eventsourcing.store;

import io.vertx.core.json.JsonObject;

/**
 * Why and for whom an event was recorded: the correlation id of the whole conversation, the id of the message
 * that caused it, the acting user (token subject) and the idempotency key of the command, if any.
 */
public record EventMetadata(String correlationId, String causationId, String actingUser, String idempotencyKey) {

    public JsonObject toJson() {
        return new JsonObject()
                .put("correlationId", correlationId)
                .put("causationId", causationId)
                .put("actingUser", actingUser)
                .put("idempotencyKey", idempotencyKey);
    }

    public static EventMetadata fromJson(JsonObject json) {
        return new EventMetadata(json.getString("correlationId"), json.getString("causationId"),
                json.getString("actingUser"), json.getString("idempotencyKey"));
    }
}
