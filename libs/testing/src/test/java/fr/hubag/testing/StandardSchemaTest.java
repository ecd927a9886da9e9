package fr.hubag.testing;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StandardSchemaTest {

    private static final String EXAMPLE = "contracts/standard/standard-mediation-num/exemple-valide.csv";

    private final StandardSchema standard = StandardSchema.mediationNum();

    @Test
    void theStandardsOwnExampleIsValid() {
        String csv = resource(EXAMPLE);

        assertThat(standard.fieldNames()).hasSize(32).startsWith("id", "pivot", "nom").endsWith("prise_rdv");
        assertThat(standard.validateHeader(Csv.header(csv))).isEmpty();
        assertThat(standard.validate(Csv.parse(csv))).isEmpty();
    }

    @Test
    void reportsABrokenPhoneAnUnknownServiceAndAnEmptyNameAndNothingElse() {
        Map<String, String> good = Csv.parse(resource(EXAMPLE)).get(0);
        Map<String, String> bad = new LinkedHashMap<>(good);
        bad.put("id", "structure-3");
        bad.put("telephone", "+3359612");
        bad.put("services", "Aide aux démarches administratives|Cours de cuisine");
        bad.put("nom", "");
        Map<String, String> second = new LinkedHashMap<>(good);
        second.put("id", "structure-2");

        List<String> problems = standard.validate(List.of(good, second, bad));

        assertThat(problems).hasSize(3);
        assertThat(problems.get(0)).isEqualTo("row 4, field nom: is required but empty");
        assertThat(problems.get(1)).startsWith("row 4, field telephone: '+3359612' does not match pattern ^(\\+33|");
        assertThat(problems.get(2)).startsWith("row 4, field services: 'Aide aux démarches administratives|Cours de "
                + "cuisine' does not match pattern (?:(?:^|\\|)(Aide aux démarches administratives|");
    }

    @Test
    void checksTypesLengthsAndThePrimaryKey() {
        Map<String, String> row = new LinkedHashMap<>(Csv.parse(resource(EXAMPLE)).get(0));
        row.put("latitude", "14,61");
        row.put("date_maj", "02/04/2024");
        row.put("presentation_resume", "x".repeat(281));
        row.put("pivot", "");

        assertThat(standard.validate(List.of(row, row))).containsExactly(
                "row 2, field pivot: is required but empty",
                "row 2, field latitude: '14,61' is not a number",
                "row 2, field presentation_resume: '" + "x".repeat(281) + "' is longer than 280 characters",
                "row 2, field date_maj: '02/04/2024' is not a date (YYYY-MM-DD)",
                "row 3, field id: 'structure-1' is already in row 2 (must be unique)",
                "row 3, field pivot: is required but empty",
                "row 3, field latitude: '14,61' is not a number",
                "row 3, field presentation_resume: '" + "x".repeat(281) + "' is longer than 280 characters",
                "row 3, field date_maj: '02/04/2024' is not a date (YYYY-MM-DD)");
        assertThat(standard.validate(List.of(Map.of("id", "a", "nom", "x", "intrus", "1"))))
                .contains("row 2: unknown field intrus");
        row.put("date_maj", "2024-02-30");
        assertThat(standard.validate(List.of(row)))
                .contains("row 2, field date_maj: '2024-02-30' is not a date (YYYY-MM-DD)");
    }

    @Test
    void theHeaderMustBeExactlyTheSchemasFields() {
        List<String> header = new ArrayList<>(standard.fieldNames());
        assertThat(standard.validateHeader(header)).isEmpty();

        List<String> swapped = new ArrayList<>(header);
        swapped.set(0, "pivot");
        swapped.set(1, "id");
        assertThat(standard.validateHeader(swapped)).singleElement().asString().startsWith("header: fields are not in");

        List<String> wrong = new ArrayList<>(header);
        wrong.remove("telephone");
        wrong.add("phone");
        wrong.add("nom");
        assertThat(standard.validateHeader(wrong)).containsExactly(
                "header: unknown field phone", "header: field nom appears more than once",
                "header: missing field telephone");
    }

    static String resource(String path) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path + " on the classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
