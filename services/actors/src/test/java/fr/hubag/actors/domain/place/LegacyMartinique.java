package fr.hubag.actors.domain.place;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.hubag.actors.infra.importing.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the fixtures imports/legacy-martinique.{json,csv} hold — twelve rows of an older (pre-1.0) export as the hub
 * published it, one pattern of issue 10 or more per row — and what reading them must give, row by row: the kinds
 * of correction of each imported row, the field at fault of each rejected row. Read with acceptUnknownPivot.
 */
public final class LegacyMartinique {

    public static final String JSON = "legacy-martinique.json";
    public static final String CSV = "legacy-martinique.csv";
    public static final int ROWS = 12;

    /** Imported rows: the set of warning kinds each must carry, exactly. */
    public static final Map<Integer, Set<String>> CORRECTED = Map.ofEntries(
            Map.entry(1, Set.of("pivot-unknown", "column-renamed", "phone-normalised", "legacy-value-mapped",
                    "legacy-value-dropped")),
            Map.entry(2, Set.of("commune-name-corrected", "phone-leading-zero-added", "multi-value-split",
                    "legacy-value-mapped")),
            Map.entry(3, Set.of("pivot-unknown", "commune-name-corrected", "phone-normalised", "date-maj-defaulted",
                    "legacy-value-mapped")),
            Map.entry(4, Set.of("pivot-unknown", "commune-name-corrected", "phone-normalised",
                    "summary-moved-to-detail", "legacy-value-mapped")),
            Map.entry(5, Set.of("pivot-unknown", "insee-from-geocoder", "column-renamed", "legacy-value-mapped")),
            Map.entry(6, Set.of("pivot-unknown", "coordinates-dropped", "phone-dropped", "legacy-value-mapped")),
            Map.entry(10, Set.of("pivot-unknown", "phone-normalised", "legacy-value-mapped")),
            Map.entry(11, Set.of("pivot-unknown", "coordinates-swapped", "phone-normalised", "legacy-value-mapped")),
            Map.entry(12, Set.of("column-renamed", "legacy-value-dropped", "legacy-value-mapped")));

    /** Rejected rows and their field: a Réunion postcode, no address, a commune of another postcode. */
    public static final Map<Integer, String> REJECTED = Map.of(7, "code_postal", 8, "adresse", 9, "commune");

    /** Row 10 repeats row 1 but for the case of its name: a merge candidate. */
    public static final List<Integer> NEAR_DUPLICATE = List.of(10, 1);

    private LegacyMartinique() {}

    /** The rows of one of the fixtures, by column name, as the import's JSON or CSV source reads them. */
    public static List<Map<String, Object>> rows(String file) throws IOException {
        try (InputStream in = LegacyMartinique.class.getResourceAsStream("/imports/" + file)) {
            if (file.endsWith(".json")) {
                return new ObjectMapper().readValue(in, new TypeReference<List<Map<String, Object>>>() {});
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            new CsvSource(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .forEachRemaining(r -> rows.add(r.values()));
            return rows;
        }
    }
}
