package fr.hubag.projection.support;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.UUID;

/** Payloads of the actors events as contracts/events/actors describes them (spec: /tmp/design/actors-spec.md). */
public final class Events {

    public static final String AT = "2026-11-23T12:00:00Z";

    private Events() {}

    public static JsonObject registered(ActorStream actor, JsonObject place) {
        return base(actor).put("territory", actor.territory()).put("place", place);
    }

    /** The old shape, still on old streams: no place, a kind instead of typologies. */
    public static JsonObject registeredV1(ActorStream actor, String name, String kind, String commune,
                                          String inseeCode, String postcode) {
        return base(actor).put("name", name).put("kind", kind).put("territory", actor.territory())
                .put("commune", new JsonObject().put("name", commune).put("inseeCode", inseeCode)
                        .put("postcode", postcode))
                .put("address", "1 rue de la Liberté");
    }

    public static JsonObject detailsChanged(ActorStream actor, JsonObject place) {
        return registered(actor, place);
    }

    public static JsonObject closed(ActorStream actor, String closedOn) {
        return base(actor).put("closedOn", closedOn).put("reason", "Fermeture définitive");
    }

    public static JsonObject reopened(ActorStream actor, String reopenedOn) {
        return base(actor).put("reopenedOn", reopenedOn);
    }

    public static JsonObject labelGranted(ActorStream actor, String label, String from, String until) {
        return base(actor).put("label", label).put("validFrom", from).put("validUntil", until);
    }

    public static JsonObject labelRevoked(ActorStream actor, String label, String effectiveOn) {
        return base(actor).put("label", label).put("effectiveOn", effectiveOn).put("reason", "Contrôle");
    }

    public static JsonObject aidantEnrolled(ActorStream actor, UUID aidantId, String name, String role,
                                            String enrolledOn) {
        return base(actor).put("aidantId", aidantId.toString()).put("name", name).put("role", role)
                .put("enrolledOn", enrolledOn);
    }

    public static JsonObject trainingCompleted(ActorStream actor, UUID aidantId, String title, double hours,
                                               String completedOn) {
        return base(actor).put("aidantId", aidantId.toString()).put("title", title).put("provider", "La MedNum")
                .put("hours", hours).put("completedOn", completedOn);
    }

    public static JsonObject aidantDeparted(ActorStream actor, UUID aidantId, String departedOn) {
        return base(actor).put("aidantId", aidantId.toString()).put("departedOn", departedOn);
    }

    /** The payload of ActorsMerged, for the stream of {@code copyOn} (the survivor's or the absorbed's). */
    public static JsonObject merged(ActorStream copyOn, ActorStream survivor, ActorStream absorbed,
                                    JsonArray labels, JsonArray aidants) {
        return base(copyOn).put("survivorActorId", survivor.id().toString())
                .put("absorbedActorId", absorbed.id().toString())
                .put("absorbedLabels", labels).put("absorbedAidants", aidants);
    }

    public static JsonObject grant(String label, String from, String until) {
        return new JsonObject().put("label", label).put("validFrom", from).put("validUntil", until);
    }

    public static JsonObject movedAidant(UUID aidantId, String name, String role, String enrolledOn,
                                         JsonArray trainings) {
        return new JsonObject().put("aidantId", aidantId.toString()).put("name", name).put("role", role)
                .put("enrolledOn", enrolledOn).put("departedOn", null).put("trainings", trainings);
    }

    public static JsonObject training(String title, double hours, String completedOn) {
        return new JsonObject().put("title", title).put("provider", "La MedNum").put("hours", hours)
                .put("completedOn", completedOn);
    }

    private static JsonObject base(ActorStream actor) {
        return new JsonObject().put("actorId", actor.id().toString()).put("occurredAt", AT);
    }
}
