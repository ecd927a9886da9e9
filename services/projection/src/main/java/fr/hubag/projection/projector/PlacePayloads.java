package fr.hubag.projection.projector;

import fr.hubag.projection.domain.Vocabulary;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The place an actors event describes, always in the v2 shape (the Place contract). ActorRegistered v1 is still on
 * old streams, and a replay meets it first: it is upcast here as the spec says (pivot unknown, kind as typology,
 * updatedOn the day of occurredAt, lists empty) so every read model and the export see one shape only.
 */
final class PlacePayloads {

    static final String UNKNOWN_PIVOT = "00000000000000";

    private PlacePayloads() {}

    /** The place of an ActorRegistered, v2 by header or, failing that, by shape (a {@code place} object). */
    static JsonObject registered(JsonObject event, int schemaVersion) {
        if (schemaVersion >= 2 || event.getValue("place") instanceof JsonObject) {
            return event.getJsonObject("place");
        }
        return fromV1(event);
    }

    static JsonObject fromV1(JsonObject v1) {
        JsonArray typologies = new JsonArray();
        Vocabulary.typologyOfV1Kind(v1.getString("kind")).ifPresent(typologies::add);
        String updatedOn = OffsetDateTime.parse(v1.getString("occurredAt")).withOffsetSameInstant(ZoneOffset.UTC)
                .toLocalDate().toString();
        return new JsonObject()
                .put("name", v1.getString("name"))
                .put("pivot", UNKNOWN_PIVOT)
                .put("pivotUnknown", true)
                .put("commune", v1.getJsonObject("commune").copy())
                .put("address", v1.getString("address"))
                .put("addressComplement", null)
                .put("latitude", null)
                .put("longitude", null)
                .put("typologies", typologies)
                .put("phone", null)
                .put("emails", new JsonArray())
                .put("websites", new JsonArray())
                .put("openingHours", null)
                .put("summary", null)
                .put("description", null)
                .put("source", null)
                .put("itinerance", new JsonArray())
                .put("parentStructure", null)
                .put("updatedOn", updatedOn)
                .put("services", new JsonArray())
                .put("publics", new JsonArray())
                .put("specificSupport", new JsonArray())
                .put("fees", new JsonArray())
                .put("programmes", new JsonArray())
                .put("trainingLabels", new JsonArray())
                .put("otherTrainingLabels", new JsonArray())
                .put("accessModes", new JsonArray())
                .put("supportModes", new JsonArray())
                .put("accesLibreUrl", null)
                .put("appointmentUrl", null);
    }

    /** A list field of a place as a SQL text[]; absent or null is empty. */
    static String[] list(JsonObject place, String key) {
        JsonArray array = place.getJsonArray(key);
        if (array == null) {
            return new String[0];
        }
        String[] values = new String[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.getString(i);
        }
        return values;
    }

    static Double number(JsonObject place, String key) {
        Number value = place.getNumber(key);
        return value == null ? null : value.doubleValue();
    }
}
