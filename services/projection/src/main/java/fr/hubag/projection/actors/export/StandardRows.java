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

    /** What a key of the stored place holds. */
    private enum Kind { TEXT, LIST, NUMBER, PROGRAMMES, COMMUNE }

    /** A key's kind and the column it goes in (-1 for the programmes and the commune, which fill others). */
    private record Field(Kind kind, int column) {}

    /** The stored place's keys, each with what it holds and its column: one lookup per key. */
    private static final Map<String, Field> FIELDS = Map.ofEntries(
            field(Kind.TEXT, "pivot", "pivot"), field(Kind.TEXT, "name", "nom"),
            field(Kind.TEXT, "address", "adresse"), field(Kind.TEXT, "addressComplement", "complement_adresse"),
            field(Kind.TEXT, "phone", "telephone"), field(Kind.TEXT, "openingHours", "horaires"),
            field(Kind.TEXT, "summary", "presentation_resume"), field(Kind.TEXT, "description", "presentation_detail"),
            field(Kind.TEXT, "source", "source"), field(Kind.TEXT, "parentStructure", "structure_parente"),
            field(Kind.TEXT, "updatedOn", "date_maj"), field(Kind.TEXT, "accesLibreUrl", "fiche_acces_libre"),
            field(Kind.TEXT, "appointmentUrl", "prise_rdv"),
            field(Kind.LIST, "typologies", "typologie"), field(Kind.LIST, "emails", "courriels"),
            field(Kind.LIST, "websites", "site_web"), field(Kind.LIST, "itinerance", "itinerance"),
            field(Kind.LIST, "services", "services"), field(Kind.LIST, "publics", "publics_specifiquement_adresses"),
            field(Kind.LIST, "specificSupport", "prise_en_charge_specifique"),
            field(Kind.LIST, "fees", "frais_a_charge"), field(Kind.LIST, "trainingLabels", "formations_labels"),
            field(Kind.LIST, "otherTrainingLabels", "autres_formations_labels"),
            field(Kind.LIST, "accessModes", "modalites_acces"),
            field(Kind.LIST, "supportModes", "modalites_accompagnement"),
            field(Kind.NUMBER, "latitude", "latitude"), field(Kind.NUMBER, "longitude", "longitude"),
            Map.entry("programmes", new Field(Kind.PROGRAMMES, -1)),
            Map.entry("commune", new Field(Kind.COMMUNE, -1)));

    /** The commune's keys, by column. */
    private static final Map<String, Integer> COMMUNE = Map.of("name", index("commune"),
            "postcode", index("code_postal"), "inseeCode", index("code_insee"));

    private StandardRows() {}

    /**
     * The row's values in the order of {@link #COLUMNS}.
     *
     * @param place      the place as the read model stores it (its JSON, UTF-8)
     * @param labelsHeld the labels the actor holds on the export's day
     */
    public static Object[] of(UUID actorId, byte[] place, Collection<String> labelsHeld) {
        Object[] row = new Object[COLUMNS.size()];
        row[ID] = actorId.toString();
        List<String> programmes = List.of();
        try (JsonParser parser = JSON.createParser(place)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                Field field = FIELDS.get(parser.currentName());
                JsonToken value = parser.nextToken();
                if (field == null) {
                    parser.skipChildren();
                    continue;
                }
                switch (field.kind()) {
                    case TEXT -> row[field.column()] = text(parser, value);
                    case LIST -> {
                        List<String> values = values(parser, value);
                        row[field.column()] = values.isEmpty() ? null : String.join("|", values);
                    }
                    case NUMBER -> {
                        row[field.column()] = value.isNumeric() ? parser.getDoubleValue() : null;
                        parser.skipChildren(); // an object or a list where a number was expected
                    }
                    case PROGRAMMES -> programmes = values(parser, value);
                    case COMMUNE -> commune(parser, value, row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a stored place is not JSON", e);
        }
        row[PROGRAMMES] = programmes(programmes, labelsHeld);
        return row;
    }

    private static void commune(JsonParser parser, JsonToken value, Object[] row) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            Integer column = COMMUNE.get(parser.currentName());
            JsonToken communeValue = parser.nextToken();
            if (column != null) {
                row[column] = text(parser, communeValue);
            } else {
                parser.skipChildren();
            }
        }
    }

    private static Map.Entry<String, Field> field(Kind kind, String key, String column) {
        return Map.entry(key, new Field(kind, index(column)));
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
