package fr.hubag.projection.support;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Map;

/**
 * Builds valid {@code place} objects (the Place contract, national standard v1.0.2) for tests: every field filled
 * with a plausible value of the territory, which a test then changes where it matters to it.
 */
public final class Places {

    /** A commune of each territory with coordinates inside it: name, INSEE, postcode, latitude, longitude. */
    private static final Map<String, Object[]> HOME = Map.of(
            "GP", new Object[] {"Pointe-à-Pitre", "97120", "97110", 16.241, -61.533, "+590590123456"},
            "MQ", new Object[] {"Le Lamentin", "97213", "97232", 14.61, -60.99, "+596596123456"},
            "GF", new Object[] {"Cayenne", "97302", "97300", 4.933, -52.33, "+594594123456"},
            "MF", new Object[] {"Saint-Martin", "97801", "97150", 18.067, -63.083, "+590590876543"});

    private Places() {}

    public static JsonObject place(String territory, String name) {
        Object[] home = HOME.get(territory);
        return new JsonObject()
                .put("name", name)
                .put("pivot", "21972013500017")
                .put("pivotUnknown", false)
                .put("commune", new JsonObject().put("name", home[0]).put("inseeCode", home[1])
                        .put("postcode", home[2]))
                .put("address", "12 rue Schoelcher")
                .put("addressComplement", "Bâtiment B")
                .put("latitude", home[3])
                .put("longitude", home[4])
                .put("typologies", new JsonArray().add("EPN"))
                .put("phone", home[5])
                .put("emails", new JsonArray().add("contact@exemple.fr"))
                .put("websites", new JsonArray().add("https://exemple.fr"))
                .put("openingHours", "Mo-Fr 08:00-12:00")
                .put("summary", "Espace public numérique : accès libre, ateliers, aide aux démarches.")
                .put("description", "Un lieu \"ouvert\" à tous, avec des postes, une imprimante, des ateliers.")
                .put("source", "Hub Antilles-Guyane")
                .put("itinerance", new JsonArray().add("Fixe"))
                .put("parentStructure", null)
                .put("updatedOn", "2026-11-20")
                .put("services", new JsonArray().add("Accès internet et matériel informatique"))
                .put("publics", new JsonArray())
                .put("specificSupport", new JsonArray().add("Surdité"))
                .put("fees", new JsonArray().add("Gratuit"))
                .put("programmes", new JsonArray())
                .put("trainingLabels", new JsonArray())
                .put("otherTrainingLabels", new JsonArray())
                .put("accessModes", new JsonArray().add("Se présenter"))
                .put("supportModes", new JsonArray().add("Accompagnement individuel"))
                .put("accesLibreUrl", null)
                .put("appointmentUrl", null);
    }

    /** Sets a list field. */
    public static JsonObject with(JsonObject place, String key, String... values) {
        JsonArray array = new JsonArray();
        for (String value : values) {
            array.add(value);
        }
        return place.put(key, array);
    }

    public static JsonObject commune(JsonObject place, String name, String inseeCode, String postcode) {
        return place.put("commune", new JsonObject().put("name", name).put("inseeCode", inseeCode)
                .put("postcode", postcode));
    }

    public static JsonObject withoutCoordinates(JsonObject place) {
        return place.put("latitude", null).put("longitude", null);
    }
}
