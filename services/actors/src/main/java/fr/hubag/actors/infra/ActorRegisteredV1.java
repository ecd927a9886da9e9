package fr.hubag.actors.infra;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.hubag.eventsourcing.codec.Upcaster;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * ActorRegistered v1 carried a name, a kind, a commune and an address. v2 carries the whole place of the national
 * standard. Reading v1: the kind becomes the standard's typology code, the pivot is the "unknown" placeholder (v1 never
 * asked for it), {@code updatedOn} is the day it was recorded, and every list is empty.
 */
final class ActorRegisteredV1 {

    static final Map<String, String> KIND_TO_TYPOLOGY = Map.of(
            "association", "ASSO", "epn", "EPN", "tiers_lieu", "TIERS_LIEUX", "france_services", "RFS",
            "mairie", "MUNI", "bibliotheque", "BIB", "ccas", "CCAS", "entreprise", "ENTREPRISE", "autre", "AUTRE");

    static final Upcaster UPCASTER = Upcaster.of("ActorRegistered", 1, ActorRegisteredV1::toV2);

    private ActorRegisteredV1() {}

    static ObjectNode toV2(ObjectNode v1) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode place = json.objectNode();
        place.put("name", v1.path("name").asText());
        place.put("pivot", "00000000000000");
        place.put("pivotUnknown", true);
        place.set("commune", v1.path("commune").deepCopy());
        place.put("address", v1.path("address").asText());
        ArrayNode typologies = place.putArray("typologies");
        String typology = KIND_TO_TYPOLOGY.get(v1.path("kind").asText());
        if (typology != null) {
            typologies.add(typology);
        }
        place.put("updatedOn", Instant.parse(v1.path("occurredAt").asText()).atOffset(ZoneOffset.UTC)
                .toLocalDate().toString());
        ObjectNode v2 = json.objectNode();
        v2.put("actorId", v1.path("actorId").asText());
        v2.put("territory", v1.path("territory").asText());
        v2.set("place", place);
        v2.put("occurredAt", v1.path("occurredAt").asText());
        return v2;
    }
}
