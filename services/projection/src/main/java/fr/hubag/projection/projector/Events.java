package fr.hubag.projection.projector;

import io.vertx.core.json.JsonObject;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Reading the typed fields of an event payload; optional ones may be null or absent (the contracts allow both). */
final class Events {

    private Events() {}

    static LocalDate date(JsonObject json, String key) {
        String value = json.getString(key);
        return value == null ? null : LocalDate.parse(value);
    }

    static UUID uuid(JsonObject json, String key) {
        return UUID.fromString(json.getString(key));
    }

    static OffsetDateTime occurredAt(JsonObject json) {
        return OffsetDateTime.parse(json.getString("occurredAt")).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
