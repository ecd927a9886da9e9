package fr.hubag.projection.actors.export;

import fr.hubag.projection.actors.domain.Vocabulary;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A place as a row of the national standard of digital mediation places v1.0.2: exactly the 32 columns of
 * contracts/standard/standard-mediation-num/schema.json, in its order, French values, multi-values joined with
 * {@code |}. Values are strings, but latitude and longitude are numbers; an absent value is null.
 */
public final class StandardRows {

    public static final List<String> COLUMNS = List.of("id", "pivot", "nom", "commune", "code_postal", "code_insee",
            "adresse", "complement_adresse", "latitude", "longitude", "typologie", "telephone", "courriels",
            "site_web", "horaires", "presentation_resume", "presentation_detail", "source", "itinerance",
            "structure_parente", "date_maj", "services", "publics_specifiquement_adresses",
            "prise_en_charge_specifique", "frais_a_charge", "dispositif_programmes_nationaux", "formations_labels",
            "autres_formations_labels", "modalites_acces", "modalites_accompagnement", "fiche_acces_libre",
            "prise_rdv");

    private StandardRows() {}

    /** @param labelsHeld the labels the actor holds on the export's day */
    public static Map<String, Object> of(UUID actorId, JsonObject place, Collection<String> labelsHeld) {
        JsonObject commune = place.getJsonObject("commune", new JsonObject());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", actorId.toString());
        row.put("pivot", text(place, "pivot"));
        row.put("nom", text(place, "name"));
        row.put("commune", text(commune, "name"));
        row.put("code_postal", text(commune, "postcode"));
        row.put("code_insee", text(commune, "inseeCode"));
        row.put("adresse", text(place, "address"));
        row.put("complement_adresse", text(place, "addressComplement"));
        row.put("latitude", number(place, "latitude"));
        row.put("longitude", number(place, "longitude"));
        row.put("typologie", joined(place, "typologies"));
        row.put("telephone", text(place, "phone"));
        row.put("courriels", joined(place, "emails"));
        row.put("site_web", joined(place, "websites"));
        row.put("horaires", text(place, "openingHours"));
        row.put("presentation_resume", text(place, "summary"));
        row.put("presentation_detail", text(place, "description"));
        row.put("source", text(place, "source"));
        row.put("itinerance", joined(place, "itinerance"));
        row.put("structure_parente", text(place, "parentStructure"));
        row.put("date_maj", text(place, "updatedOn"));
        row.put("services", joined(place, "services"));
        row.put("publics_specifiquement_adresses", joined(place, "publics"));
        row.put("prise_en_charge_specifique", joined(place, "specificSupport"));
        row.put("frais_a_charge", joined(place, "fees"));
        row.put("dispositif_programmes_nationaux", programmes(values(place, "programmes"), labelsHeld));
        row.put("formations_labels", joined(place, "trainingLabels"));
        row.put("autres_formations_labels", joined(place, "otherTrainingLabels"));
        row.put("modalites_acces", joined(place, "accessModes"));
        row.put("modalites_accompagnement", joined(place, "supportModes"));
        row.put("fiche_acces_libre", text(place, "accesLibreUrl"));
        row.put("prise_rdv", text(place, "appointmentUrl"));
        return row;
    }

    /**
     * The programmes the place declares and those it holds as a label today, in the standard's order. APTIC is a
     * label but not one of the standard's programmes, so it never appears.
     */
    static String programmes(List<String> declared, Collection<String> labelsHeld) {
        List<String> all = new ArrayList<>();
        for (String programme : Vocabulary.STANDARD_PROGRAMMES) {
            if (declared.contains(programme) || labelsHeld.contains(programme)) {
                all.add(programme);
            }
        }
        return all.isEmpty() ? null : String.join("|", all);
    }

    private static String text(JsonObject json, String key) {
        Object value = json.getValue(key);
        return value == null || String.valueOf(value).isEmpty() ? null : String.valueOf(value);
    }

    private static Double number(JsonObject json, String key) {
        Number value = json.getNumber(key);
        return value == null ? null : value.doubleValue();
    }

    private static List<String> values(JsonObject json, String key) {
        JsonArray array = json.getJsonArray(key);
        List<String> values = new ArrayList<>();
        if (array != null) {
            array.forEach(value -> values.add(String.valueOf(value)));
        }
        return values;
    }

    private static String joined(JsonObject json, String key) {
        List<String> values = values(json, key);
        return values.isEmpty() ? null : String.join("|", values);
    }
}
