package fr.hubag.projection.actors.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import fr.hubag.projection.actors.domain.Vocabulary;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A place as a row of the national standard of digital mediation places v1.0.2: exactly the 32 columns of
 * contracts/standard/standard-mediation-num/schema.json, in its order, French values, multi-values joined with
 * {@code |}. Values are strings, but latitude and longitude are numbers; an absent value is null.
 *
 * <p>The place's JSON is read as a stream of tokens into the row, not decoded into a tree first: an export writes
 * every place of a territory, and the tree (a map per object, every text checked as a client's would be) was a large
 * share of the JVM's samples on each row (JFR during QueryBenchmark).
 */
public final class StandardRows {

    public static final List<String> COLUMNS = List.of("id", "pivot", "nom", "commune", "code_postal", "code_insee",
            "adresse", "complement_adresse", "latitude", "longitude", "typologie", "telephone", "courriels",
            "site_web", "horaires", "presentation_resume", "presentation_detail", "source", "itinerance",
            "structure_parente", "date_maj", "services", "publics_specifiquement_adresses",
            "prise_en_charge_specifique", "frais_a_charge", "dispositif_programmes_nationaux", "formations_labels",
            "autres_formations_labels", "modalites_acces", "modalites_accompagnement", "fiche_acces_libre",
            "prise_rdv");

    private static final JsonFactory JSON = new JsonFactory();

    private static final int ID = index("id");
    private static final int PROGRAMMES = index("dispositif_programmes_nationaux");

    /** The place's keys whose value is one text, by column. */
    private static final Map<String, Integer> TEXTS = positions(Map.entry("pivot", "pivot"),
            Map.entry("name", "nom"), Map.entry("address", "adresse"),
            Map.entry("addressComplement", "complement_adresse"), Map.entry("phone", "telephone"),
            Map.entry("openingHours", "horaires"), Map.entry("summary", "presentation_resume"),
            Map.entry("description", "presentation_detail"), Map.entry("source", "source"),
            Map.entry("parentStructure", "structure_parente"), Map.entry("updatedOn", "date_maj"),
            Map.entry("accesLibreUrl", "fiche_acces_libre"), Map.entry("appointmentUrl", "prise_rdv"));

    /** The place's keys whose value is a list, joined with {@code |}, by column. */
    private static final Map<String, Integer> LISTS = positions(Map.entry("typologies", "typologie"),
            Map.entry("emails", "courriels"), Map.entry("websites", "site_web"), Map.entry("itinerance", "itinerance"),
            Map.entry("services", "services"), Map.entry("publics", "publics_specifiquement_adresses"),
            Map.entry("specificSupport", "prise_en_charge_specifique"), Map.entry("fees", "frais_a_charge"),
            Map.entry("trainingLabels", "formations_labels"),
            Map.entry("otherTrainingLabels", "autres_formations_labels"), Map.entry("accessModes", "modalites_acces"),
            Map.entry("supportModes", "modalites_accompagnement"));

    /** The place's keys whose value is a number, by column. */
    private static final Map<String, Integer> NUMBERS = positions(Map.entry("latitude", "latitude"),
            Map.entry("longitude", "longitude"));

    /** The commune's keys, by column. */
    private static final Map<String, Integer> COMMUNE = positions(Map.entry("name", "commune"),
            Map.entry("postcode", "code_postal"), Map.entry("inseeCode", "code_insee"));

    private StandardRows() {}

    /**
     * The row's values in the order of {@link #COLUMNS}.
     *
     * @param place      the place as the read model stores it (its JSON text)
     * @param labelsHeld the labels the actor holds on the export's day
     */
    public static Object[] of(UUID actorId, String place, Collection<String> labelsHeld) {
        Object[] row = new Object[COLUMNS.size()];
        row[ID] = actorId.toString();
        List<String> programmes = List.of();
        try (JsonParser parser = JSON.createParser(place)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonToken value = parser.nextToken();
                Integer text = TEXTS.get(key);
                Integer list = LISTS.get(key);
                Integer number = NUMBERS.get(key);
                if (text != null) {
                    row[text] = text(parser, value);
                } else if (list != null) {
                    List<String> values = values(parser, value);
                    row[list] = values.isEmpty() ? null : String.join("|", values);
                } else if (number != null) {
                    row[number] = value.isNumeric() ? parser.getDoubleValue() : null;
                } else if (key.equals("programmes")) {
                    programmes = values(parser, value);
                } else if (key.equals("commune") && value == JsonToken.START_OBJECT) {
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String communeKey = parser.currentName();
                        JsonToken communeValue = parser.nextToken();
                        Integer column = COMMUNE.get(communeKey);
                        if (column != null) {
                            row[column] = text(parser, communeValue);
                        } else {
                            parser.skipChildren();
                        }
                    }
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a stored place is not JSON", e);
        }
        row[PROGRAMMES] = programmes(programmes, labelsHeld);
        return row;
    }

    @SafeVarargs
    private static Map<String, Integer> positions(Map.Entry<String, String>... columnByKey) {
        Map<String, Integer> positions = new HashMap<>();
        for (Map.Entry<String, String> entry : columnByKey) {
            positions.put(entry.getKey(), index(entry.getValue()));
        }
        return Map.copyOf(positions);
    }

    /** The position of a column in a row. */
    static int index(String column) {
        int index = COLUMNS.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException("no column " + column);
        }
        return index;
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

    /** A value as text (an object or a list as its JSON), null when null or empty. */
    private static String text(JsonParser parser, JsonToken value) throws IOException {
        String text = value == JsonToken.VALUE_NULL ? null : asText(parser, value);
        return text == null || text.isEmpty() ? null : text;
    }

    /** The values of a list as texts ({@code null} for a null one); none when the value is not a list. */
    private static List<String> values(JsonParser parser, JsonToken value) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
            values.add(item == JsonToken.VALUE_NULL ? "null" : asText(parser, item));
        }
        return values;
    }

    private static String asText(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
            StringWriter json = new StringWriter();
            try (JsonGenerator generator = JSON.createGenerator(json)) {
                generator.copyCurrentStructure(parser);
            }
            return json.toString();
        }
        return parser.getText();
    }

    private static void expect(JsonToken token, JsonToken expected) throws IOException {
        if (token != expected) {
            throw new IOException("expected " + expected + ", found " + token);
        }
    }
}
