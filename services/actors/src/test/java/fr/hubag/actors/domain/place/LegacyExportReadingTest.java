package fr.hubag.actors.domain.place;

import fr.hubag.actors.domain.place.PlaceReading.Invalid;
import fr.hubag.actors.domain.place.PlaceReading.Valid;
import fr.hubag.contracts.actors.Commune;
import fr.hubag.contracts.actors.Place;
import fr.hubag.contracts.standard.Fee;
import fr.hubag.contracts.standard.Programme;
import fr.hubag.contracts.standard.Public;
import fr.hubag.contracts.standard.Service;
import fr.hubag.contracts.standard.SpecificSupport;
import fr.hubag.contracts.standard.SupportMode;
import fr.hubag.domain.Territory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hub's older exports read row by row (issue 10), from JSON and from CSV alike: every correction is a warning
 * with its kind, what was read and what was recorded; the real defects are refused on their field.
 */
class LegacyExportReadingTest {

    static final Instant IMPORTED_AT = Instant.parse("2026-11-27T12:00:00Z");

    private final PlaceReader reader = new PlaceReader(CommuneRegistry.official());

    @ParameterizedTest
    @ValueSource(strings = {LegacyMartinique.JSON, LegacyMartinique.CSV})
    void each_row_is_imported_with_its_corrections_or_refused_on_its_field(String file) throws IOException {
        List<PlaceReading> readings = read(file);
        assertThat(readings).hasSize(LegacyMartinique.ROWS);
        for (int row = 1; row <= LegacyMartinique.ROWS; row++) {
            PlaceReading reading = readings.get(row - 1);
            if (LegacyMartinique.REJECTED.containsKey(row)) {
                assertThat(reading).as("row " + row).isInstanceOf(Invalid.class);
                assertThat(((Invalid) reading).problems()).extracting(p -> p.field().standardName())
                        .as("row " + row).containsExactly(LegacyMartinique.REJECTED.get(row));
                continue;
            }
            assertThat(reading).as("row " + row + ": " + reading).isInstanceOf(Valid.class);
            List<FieldProblem> warnings = ((Valid) reading).warnings();
            assertThat(warnings).as("row " + row).allSatisfy(w -> assertThat(w.kind()).isNotNull());
            assertThat(warnings.stream().map(FieldProblem::kind).collect(Collectors.toSet())).as("row " + row)
                    .isEqualTo(LegacyMartinique.CORRECTED.get(row));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {LegacyMartinique.JSON, LegacyMartinique.CSV})
    void what_is_recorded_is_the_v1_reading_of_each_pattern(String file) throws IOException {
        List<PlaceReading> readings = read(file);
        Place first = place(readings, 1);
        assertThat(first.pivotUnknown()).isTrue();
        assertThat(first.services()).containsExactly(Service.MAITRISE_DES_OUTILS_NUMERIQUES_DU_QUOTIDIEN,
                Service.ACCES_INTERNET_ET_MATERIEL_INFORMATIQUE);
        assertThat(first.supportModes()).containsExactly(SupportMode.EN_AUTONOMIE,
                SupportMode.ACCOMPAGNEMENT_INDIVIDUEL);
        assertThat(first.fees()).containsExactly(Fee.GRATUIT);
        assertThat(first.programmes()).containsExactly(Programme.CONSEILLERS_NUMERIQUES, Programme.FRANCE_SERVICES);
        assertThat(first.publics()).containsExactly(Public.SENIORS);
        assertThat(first.emails()).containsExactly("epn@fortdefrance.fr");
        assertThat(first.phone()).isEqualTo("+596596710000");
        assertThat(first.typologies()).containsExactly("EPN", "MUNI");
        assertThat(warning(readings, 1, "phone-normalised")).satisfies(w -> {
            assertThat(w.field()).isEqualTo(StandardField.TELEPHONE);
            assertThat(w.read()).isEqualTo("05 96 71 00 00");
            assertThat(w.recorded()).isEqualTo("+596596710000");
        });
        assertThat(warning(readings, 1, "column-renamed").read()).isEqualTo("courriel");

        Place anses = place(readings, 2);
        assertThat(anses.commune()).isEqualTo(new Commune("Les Anses-d'Arlet", "97202", "97217"));
        assertThat(anses.phone()).isEqualTo("+596596516976");
        assertThat(anses.services()).containsExactly(Service.MAITRISE_DES_OUTILS_NUMERIQUES_DU_QUOTIDIEN,
                Service.COMPREHENSION_DU_MONDE_NUMERIQUE, Service.INSERTION_PROFESSIONNELLE_VIA_LE_NUMERIQUE);
        assertThat(warning(readings, 2, "commune-name-corrected")).satisfies(w -> {
            assertThat(w.read()).isEqualTo("Anse d'arlet");
            assertThat(w.recorded()).isEqualTo("Les Anses-d'Arlet");
        });
        assertThat(warning(readings, 2, "multi-value-split").recorded()).isEqualTo("Prendre en main un smartphone "
                + "ou une tablette|Utiliser le numérique au quotidien|Approfondir ma culture numérique");
        assertThat(warning(readings, 2, "phone-leading-zero-added").recorded()).isEqualTo("0596516976");

        Place schoelcher = place(readings, 3);
        assertThat(schoelcher.commune().name()).isEqualTo("Schœlcher");
        assertThat(schoelcher.phone()).isEqualTo("+596596610000");
        assertThat(schoelcher.updatedOn()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(schoelcher.fees()).containsExactly(Fee.PAYANT, Fee.GRATUIT_SOUS_CONDITION);
        assertThat(schoelcher.services()).containsExactly(Service.AIDE_AUX_DEMARCHES_ADMINISTRATIVES);

        Place carbet = place(readings, 4);
        assertThat(carbet.commune().name()).isEqualTo("Le Carbet");
        assertThat(carbet.summary()).isNull();
        assertThat(carbet.description()).startsWith("L'espace numérique de la ville")
                .endsWith("Ouvert aux associations du Nord Caraïbe.");
        assertThat(carbet.supportModes()).containsExactly(SupportMode.DANS_UN_ATELIER_COLLECTIF,
                SupportMode.ACCOMPAGNEMENT_INDIVIDUEL);

        Place lamentin = place(readings, 5);
        assertThat(lamentin.commune().inseeCode()).isEqualTo("97213");
        assertThat(lamentin.otherTrainingLabels()).containsExactly("Label régional de la Martinique");
        assertThat(lamentin.accesLibreUrl()).startsWith("https://acceslibre.beta.gouv.fr/");
        assertThat(lamentin.services()).containsExactly(Service.MAITRISE_DES_OUTILS_NUMERIQUES_DU_QUOTIDIEN);

        Place robert = place(readings, 6);
        assertThat(robert.latitude()).isNull();
        assertThat(robert.longitude()).isNull();
        assertThat(robert.phone()).isNull();
        assertThat(warning(readings, 6, "coordinates-dropped").reason()).contains("mainland France");
        assertThat(warning(readings, 6, "phone-dropped").read()).isEqualTo("0590 12 34 56");

        Place trinite = place(readings, 11);
        assertThat(trinite.latitude()).isEqualTo(14.7391);
        assertThat(trinite.longitude()).isEqualTo(-60.9631);
        assertThat(trinite.services()).containsExactly(Service.PARENTALITE_ET_EDUCATION_AVEC_LE_NUMERIQUE,
                Service.AIDE_AUX_DEMARCHES_ADMINISTRATIVES, Service.INSERTION_PROFESSIONNELLE_VIA_LE_NUMERIQUE,
                Service.COMPREHENSION_DU_MONDE_NUMERIQUE);

        Place diamant = place(readings, 12);
        assertThat(diamant.pivot()).isEqualTo("21972013500017");
        assertThat(diamant.pivotUnknown()).isFalse();
        assertThat(diamant.commune().postcode()).isEqualTo("97223");
        assertThat(diamant.fees()).isEmpty();
        assertThat(diamant.publics()).containsExactly(Public.FEMMES, Public.FAMILLES_ET_OU_ENFANTS, Public.JEUNES);
        assertThat(diamant.specificSupport()).containsExactly(SpecificSupport.HANDICAPS_MENTAUX,
                SpecificSupport.LANGUES_ETRANGERES_AUTRES);
        assertThat(warning(readings, 12, "legacy-value-dropped").reason()).contains("APTIC");
    }

    @ParameterizedTest
    @ValueSource(strings = {LegacyMartinique.JSON, LegacyMartinique.CSV})
    void without_accepting_unknown_pivots_the_rows_without_one_are_refused_on_pivot(String file) throws IOException {
        List<PlaceReading> readings = read(file, new ReadOptions(false, true, IMPORTED_AT));
        assertThat(readings.get(0)).isInstanceOfSatisfying(Invalid.class, invalid -> assertThat(invalid.problems())
                .extracting(FieldProblem::field).containsExactly(StandardField.PIVOT));
        assertThat(readings.get(11)).isInstanceOf(Valid.class);
    }

    private List<PlaceReading> read(String file) throws IOException {
        return read(file, new ReadOptions(true, true, IMPORTED_AT));
    }

    private List<PlaceReading> read(String file, ReadOptions options) throws IOException {
        List<PlaceReading> readings = new ArrayList<>();
        for (Map<String, Object> row : LegacyMartinique.rows(file)) {
            readings.add(reader.read(RawPlace.ofColumns(row), options));
        }
        return readings;
    }

    private static Place place(List<PlaceReading> readings, int row) {
        PlaceReading reading = readings.get(row - 1);
        assertThat(reading).as(reading.toString()).isInstanceOf(Valid.class);
        Place place = ((Valid) reading).place();
        assertThat(place.commune().territory()).contains(Territory.MQ);
        return place;
    }

    private static FieldProblem warning(List<PlaceReading> readings, int row, String kind) {
        return ((Valid) readings.get(row - 1)).warnings().stream().filter(w -> kind.equals(w.kind())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " on row " + row + ": " + readings.get(row - 1)));
    }
}
