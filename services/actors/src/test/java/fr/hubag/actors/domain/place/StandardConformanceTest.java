package fr.hubag.actors.domain.place;

import fr.hubag.contracts.standard.AccessMode;
import fr.hubag.contracts.standard.Fee;
import fr.hubag.contracts.standard.Itinerance;
import fr.hubag.contracts.standard.Programme;
import fr.hubag.contracts.standard.Public;
import fr.hubag.contracts.standard.Service;
import fr.hubag.contracts.standard.SpecificSupport;
import fr.hubag.contracts.standard.SupportMode;
import fr.hubag.contracts.standard.TrainingLabel;
import fr.hubag.domain.Coded;
import fr.hubag.testing.StandardSchema;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The values copied into Java are the standard's: its own schema (the contracts copy) is the judge. */
class StandardConformanceTest {

    private final StandardSchema schema = StandardSchema.mediationNum();

    @Test
    void the_columns_are_the_standards_in_its_order() {
        assertThat(StandardField.standardColumns().stream().map(StandardField::standardName).toList())
                .isEqualTo(schema.fieldNames());
        assertThat(StandardField.values()[StandardField.values().length - 1]).isEqualTo(StandardField.PIVOT_UNKNOWN);
    }

    @Test
    void every_enumerated_value_matches_its_field_pattern_and_all_are_there() {
        Map<String, Class<? extends Coded>> enums = Map.of(
                "services", Service.class,
                "publics_specifiquement_adresses", Public.class,
                "prise_en_charge_specifique", SpecificSupport.class,
                "frais_a_charge", Fee.class,
                "dispositif_programmes_nationaux", Programme.class,
                "formations_labels", TrainingLabel.class,
                "modalites_acces", AccessMode.class,
                "modalites_accompagnement", SupportMode.class,
                "itinerance", Itinerance.class);
        enums.forEach((field, type) -> {
            StandardSchema.Field column = schema.fields().stream().filter(f -> f.name().equals(field)).findFirst()
                    .orElseThrow();
            String all = String.join("|", Arrays.stream(type.getEnumConstants()).map(Coded::code).toList());
            assertThat(column.pattern().matcher(all).matches()).as(field + " = " + all).isTrue();
            long alternatives = column.pattern().pattern().chars().filter(c -> c == '|').count() - 1;
            assertThat((long) type.getEnumConstants().length).as(field).isEqualTo(alternatives);
        });
    }
}
