package fr.hubag.projection.actors.export;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A stored place read token by token into the standard's row: every kind of value, and the shapes it tolerates. */
class StandardRowsTest {

    static final UUID ID = UUID.fromString("6f1c1f0e-8d3a-4a57-9a51-0f6f9f5b0a11");

    static Object value(Object[] row, String column) {
        return row[StandardRows.index(column)];
    }

    @Test
    void aWholePlace() {
        Object[] row = StandardRows.of(ID, """
                {"name": "Cyber-base \\"Les Flamboyants\\"", "pivot": "21972013500017",
                 "commune": {"name": "Le Lamentin", "inseeCode": "97213", "postcode": "97232", "other": [1, 2]},
                 "address": "1 rue Schœlcher", "addressComplement": "", "latitude": 14.6161, "longitude": -61,
                 "typologies": ["CYBER", "TIERS_LIEU"], "phone": "+596596123456", "emails": ["a@b.fr"],
                 "websites": [], "openingHours": "Mo-Fr 08:00-12:00", "summary": "Accès libre.",
                 "services": ["Prendre en main un ordinateur", "Réaliser des démarches administratives"],
                 "programmes": ["Conseillers numériques", "Aidants Connect"], "unknown": {"deep": [{"x": 1}]},
                 "accessModes": ["Se présenter"], "updatedOn": "2026-11-20", "source": null}
                """.getBytes(UTF_8), Set.of("France Services", "APTIC"));

        assertThat(row).hasSize(StandardRows.COLUMNS.size());
        assertThat(value(row, "id")).isEqualTo(ID.toString());
        assertThat(value(row, "nom")).isEqualTo("Cyber-base \"Les Flamboyants\"");
        assertThat(value(row, "commune")).isEqualTo("Le Lamentin");
        assertThat(value(row, "code_insee")).isEqualTo("97213");
        assertThat(value(row, "code_postal")).isEqualTo("97232");
        assertThat(value(row, "adresse")).isEqualTo("1 rue Schœlcher");
        assertThat(value(row, "complement_adresse")).as("an empty text is absent").isNull();
        assertThat(value(row, "latitude")).isEqualTo(14.6161);
        assertThat(value(row, "longitude")).isEqualTo(-61.0);
        assertThat(value(row, "typologie")).isEqualTo("CYBER|TIERS_LIEU");
        assertThat(value(row, "site_web")).as("an empty list is absent").isNull();
        assertThat(value(row, "services"))
                .isEqualTo("Prendre en main un ordinateur|Réaliser des démarches administratives");
        assertThat(value(row, "source")).as("null").isNull();
        assertThat(value(row, "presentation_detail")).as("missing").isNull();
        // declared and held today, in the standard's order; APTIC is no programme of the standard
        assertThat(value(row, "dispositif_programmes_nationaux"))
                .isEqualTo("Aidants Connect|Conseillers numériques|France Services");
        assertThat(value(row, "date_maj")).isEqualTo("2026-11-20");
    }

    @Test
    void shapesTheProjectorNeverWritesDoNotFailTheExport() {
        Object[] row = StandardRows.of(ID, """
                {"name": 12, "commune": null, "typologies": "CYBER", "emails": [null, "a@b.fr"],
                 "openingHours": {"mo": "8-12"}, "latitude": "14.6", "publics": [["x"]]}
                """.getBytes(UTF_8), List.of());

        assertThat(value(row, "nom")).isEqualTo("12");
        assertThat(value(row, "commune")).isNull();
        assertThat(value(row, "typologie")).as("not a list: none").isNull();
        assertThat(value(row, "courriels")).isEqualTo("null|a@b.fr");
        assertThat(value(row, "horaires")).isEqualTo("{\"mo\":\"8-12\"}");
        assertThat(value(row, "latitude")).as("not a number: absent").isNull();
        assertThat(value(row, "publics_specifiquement_adresses")).isEqualTo("[\"x\"]");
        assertThat(value(row, "dispositif_programmes_nationaux")).isNull();
    }

    @Test
    void aNumberGivenAsAnObjectOrAListIsSkippedWhole() {
        Object[] row = StandardRows.of(ID, """
                {"latitude": {"name": "x"}, "longitude": [1, {"phone": "0596"}], "name": "Cyber-base", "phone": "+596"}
                """.getBytes(UTF_8), List.of());

        assertThat(value(row, "latitude")).isNull();
        assertThat(value(row, "longitude")).isNull();
        assertThat(value(row, "nom")).as("not the object's name").isEqualTo("Cyber-base");
        assertThat(value(row, "telephone")).as("read after the list").isEqualTo("+596");
    }

    @Test
    void aStoredPlaceThatIsNotAnObjectIsAnError() {
        assertThatThrownBy(() -> StandardRows.of(ID, "[1]".getBytes(UTF_8), List.of()))
                .hasMessageContaining("not JSON");
    }
}
