package fr.hubag.actors.domain.place;

import fr.hubag.domain.Territory;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CommuneRegistryTest {

    private final CommuneRegistry registry = CommuneRegistry.official();

    @Test
    void lists_every_commune_of_the_four_territories() {
        assertThat(registry.inTerritory(Territory.GP)).hasSize(32);
        assertThat(registry.inTerritory(Territory.MQ)).hasSize(34);
        assertThat(registry.inTerritory(Territory.GF)).hasSize(22);
        assertThat(registry.inTerritory(Territory.MF)).hasSize(1);
        assertThat(registry.all()).hasSize(89)
                .allSatisfy(c -> assertThat(Territory.ofInseeCode(c.inseeCode())).contains(c.territory()))
                .allSatisfy(c -> assertThat(c.postcodes()).isNotEmpty().allMatch(p -> p.matches("97\\d{3}")));
    }

    @Test
    void knows_the_tricky_codes() {
        assertThat(registry.byInseeCode("97101")).get()
                .satisfies(c -> assertThat(c.name()).isEqualTo("Les Abymes"))
                .satisfies(c -> assertThat(c.postcodes()).containsExactly("97139", "97142"));
        assertThat(registry.byInseeCode("97213")).get()
                .satisfies(c -> assertThat(c.name()).isEqualTo("Le Lamentin"))
                .satisfies(c -> assertThat(c.postcodes()).containsExactly("97232"));
        assertThat(registry.byInseeCode("97209").orElseThrow().postcodes()).containsExactly("97200", "97234");
        assertThat(registry.byInseeCode("97302").orElseThrow().postcodes()).containsExactly("97300");
        assertThat(registry.byInseeCode("97352")).get()
                .satisfies(c -> assertThat(c.name()).isEqualTo("Saül"))
                .satisfies(c -> assertThat(c.postcodes()).containsExactly("97314"));
        assertThat(registry.byInseeCode("97801")).get()
                .satisfies(c -> assertThat(c.territory()).isEqualTo(Territory.MF))
                .satisfies(c -> assertThat(c.postcodes()).containsExactly("97150"));
        assertThat(registry.byInseeCode("97133")).get()
                .satisfies(c -> assertThat(c.name()).isEqualTo("Vieux-Fort"))
                .satisfies(c -> assertThat(c.postcodes()).containsExactly("97141"));
        assertThat(registry.byInseeCode("97123")).isEmpty(); // formerly Saint-Barthélemy
        assertThat(registry.byInseeCode("97127")).isEmpty(); // formerly Saint-Martin
    }

    @Test
    void postcodes_may_serve_several_communes() {
        assertThat(registry.byPostcode("97250")).extracting(HubCommune::name)
                .containsExactlyInAnyOrder("Fonds-Saint-Denis", "Le Prêcheur", "Saint-Pierre");
        assertThat(registry.byPostcode("97218")).extracting(HubCommune::name)
                .containsExactlyInAnyOrder("Basse-Pointe", "Grand'Rivière", "Macouba");
        assertThat(registry.byPostcode("97133")).isEmpty();
    }

    @Test
    void finds_names_written_loosely() {
        assertThat(registry.byName("Abymes")).map(HubCommune::inseeCode).contains("97101");
        assertThat(registry.byName("Schoelcher")).map(HubCommune::inseeCode).contains("97229");
        assertThat(registry.byName("SAINT LAURENT DU MARONI")).map(HubCommune::inseeCode).contains("97311");
        assertThat(registry.byName("Grand Rivière")).map(HubCommune::inseeCode).contains("97211");
        assertThat(registry.byName("Ajoupa-Bouillon")).map(HubCommune::inseeCode).contains("97201");
        assertThat(registry.byName("Lamentin")).map(HubCommune::inseeCode).contains("97115");
        assertThat(registry.byName("Le Lamentin")).map(HubCommune::inseeCode).contains("97213");
        assertThat(registry.byName("Sainte-Anne")).isEmpty(); // one in Guadeloupe, one in Martinique
        assertThat(registry.byName("Paris")).isEmpty();
    }

    @Test
    void resolves_a_consistent_commune() {
        assertThat(registry.check("Le Lamentin", "97213", "97232")).isInstanceOfSatisfying(
                CommuneCheck.Resolved.class, r -> {
                    assertThat(r.commune().territory()).isEqualTo(Territory.MQ);
                    assertThat(r.postcode()).isEqualTo("97232");
                });
        assertThat(registry.check("Abymes", "97101", "97142")).isInstanceOf(CommuneCheck.Resolved.class);
        assertThat(registry.check("Schoelcher", "97229", "97233")).isInstanceOf(CommuneCheck.Resolved.class);
        assertThat(registry.check("Saint Laurent du Maroni", "97311", "97320"))
                .isInstanceOf(CommuneCheck.Resolved.class);
        assertThat(registry.check("Fort-de-France", "97209", "97234")).isInstanceOf(CommuneCheck.Resolved.class);
    }

    @Test
    void resolves_without_insee_code_from_postcode_and_name() {
        assertThat(registry.check("Saint-Pierre", null, "97250")).isInstanceOfSatisfying(CommuneCheck.Resolved.class,
                r -> assertThat(r.commune().inseeCode()).isEqualTo("97225"));
        assertThat(registry.check("Cayenne", "", "97300")).isInstanceOfSatisfying(CommuneCheck.Resolved.class,
                r -> assertThat(r.commune().inseeCode()).isEqualTo("97302"));
        assertThat(problems(registry.check("Le Robert", null, "97250")))
                .singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo(StandardField.COMMUNE);
                    assertThat(p.reason()).contains("shared by", "Saint-Pierre", "97222");
                });
    }

    @Test
    void refuses_a_postcode_of_another_commune_and_says_which_are_right() {
        assertThat(problems(registry.check("Le Lamentin", "97213", "97200")))
                .singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo(StandardField.CODE_POSTAL);
                    assertThat(p.reason()).contains("97232", "Fort-de-France");
                });
    }

    @Test
    void refuses_a_name_that_is_not_the_communes() {
        assertThat(problems(registry.check("Le Lamentin", "97232", "97232")))
                .extracting(FieldProblem::field)
                .containsExactlyInAnyOrder(StandardField.CODE_POSTAL, StandardField.COMMUNE);
        assertThat(problems(registry.check("Ducos", "97213", "97232")))
                .singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo(StandardField.COMMUNE);
                    assertThat(p.reason()).contains("Le Lamentin", "97224");
                });
    }

    @Test
    void says_where_a_code_outside_the_hub_belongs() {
        assertThat(problems(registry.check("Gustavia", null, "97133")))
                .singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo(StandardField.CODE_POSTAL);
                    assertThat(p.reason()).contains("Saint-Barthélemy");
                });
        assertThat(problems(registry.check("Saint-Denis", "97411", "97400")))
                .extracting(FieldProblem::reason)
                .anySatisfy(r -> assertThat(r).contains("97411", "Réunion"))
                .anySatisfy(r -> assertThat(r).contains("97400", "Réunion"));
        assertThat(problems(registry.check("Saint-Barthélemy", "97701", "97133")))
                .extracting(FieldProblem::reason).anySatisfy(r -> assertThat(r).contains("Saint-Barthélemy (977)"));
        assertThat(problems(registry.check("Reims", "51454", "51100")))
                .extracting(FieldProblem::reason).allSatisfy(r -> assertThat(r).contains("mainland France"));
        assertThat(problems(registry.check("Nowhere", null, "97299")))
                .singleElement().satisfies(p -> assertThat(p.reason()).contains("Martinique"));
    }

    @Test
    void requires_name_and_postcode() {
        assertThat(problems(registry.check(" ", "97213", null))).extracting(FieldProblem::field)
                .containsExactlyInAnyOrder(StandardField.COMMUNE, StandardField.CODE_POSTAL);
        assertThat(problems(registry.check("Le Lamentin", "97213", "9723")))
                .singleElement().satisfies(p -> assertThat(p.field()).isEqualTo(StandardField.CODE_POSTAL));
    }

    @Test
    void an_older_exports_close_variant_of_the_postcodes_commune_is_read_as_it_with_a_warning() {
        assertThat(registry.check("Anse d'arlet", null, "97217", true)).isInstanceOfSatisfying(
                CommuneCheck.Resolved.class, r -> {
                    assertThat(r.commune().name()).isEqualTo("Les Anses-d'Arlet");
                    assertThat(r.corrections()).singleElement().satisfies(w -> {
                        assertThat(w.kind()).isEqualTo("commune-name-corrected");
                        assertThat(w.read()).isEqualTo("Anse d'arlet");
                        assertThat(w.recorded()).isEqualTo("Les Anses-d'Arlet");
                    });
                });
        assertThat(registry.check("Shoelcher", "97229", "97233", true)).isInstanceOf(CommuneCheck.Resolved.class);
        assertThat(registry.check("Les Anses-d’Arlet", null, "97217", true)).isInstanceOfSatisfying(
                CommuneCheck.Resolved.class, r -> assertThat(r.corrections()).isEmpty());
        assertThat(registry.check("CARBET", null, "97221")).isInstanceOfSatisfying(CommuneCheck.Resolved.class,
                r -> assertThat(r.corrections()).extracting(FieldProblem::recorded).containsExactly("Le Carbet"));
        // strict reading, another commune's name, too far a name: refused
        assertThat(problems(registry.check("Anse d'arlet", null, "97217"))).isNotEmpty();
        assertThat(problems(registry.check("Le Lamentin", null, "97200", true))).isNotEmpty();
        assertThat(problems(registry.check("Sainte-Luce", null, "97115", true))).isNotEmpty();
    }

    private static List<FieldProblem> problems(CommuneCheck check) {
        assertThat(check).isInstanceOf(CommuneCheck.Problems.class);
        return ((CommuneCheck.Problems) check).problems();
    }
}
