package fr.hubag.projection.actors.projector;

import fr.hubag.contracts.standard.FrenchText;
import fr.hubag.projection.shared.batch.Statement;
import fr.hubag.projection.support.SearchDefinition;
import fr.hubag.testing.HubTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The free-text columns the projector writes (V128) are those PostgreSQL generated before, V126's expressions over
 * the same words ({@link SearchDefinition}), which free text's queries were written for: compared by PostgreSQL
 * itself, as tsvectors, for texts normalised from real-looking places and for random words that mix first words with
 * and without digits, the commune's words before, after and among the others, repeated words, a single word and none.
 * TextSearchOracleTest compares the rows the projector wrote, registered and changed.
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "projection"))
class SearchColumnsTest {

    private static final String[] WORDS = {"mediatheque", "espace", "numerique", "le", "lamentin", "fort", "de",
            "france", "sainte", "marie", "12", "rue", "schoelcher", "2e5x", "a", "ateliers", "97200"};
    private static final String[] COMMUNES = {"le lamentin", "fort de france", "sainte marie", "schoelcher", "", null};

    @Inject
    Pool pool;

    @Test
    void theProjectorsColumnsAreV126sDefinition() {
        List<String> texts = new ArrayList<>();
        List<String> communes = new ArrayList<>();
        // as the projector normalises them: accents, ligatures, hyphens, a street number first, no letters at all
        String[][] places = {{"Médiathèque Schœlcher", "Schœlcher", "12 rue Schœlcher", "Ateliers, accès libre."},
                {"Espace numérique du Lamentin", "Le Lamentin", "Zone de Places d'Armes", null},
                {"12 Cyber-base", "Fort-de-France", null, "Cyber-base de Fort-de-France"},
                {"Sainte-Marie", "Sainte-Marie", null, null}, {"!!", "Ducos", null, null}};
        for (String[] place : places) {
            texts.add(FrenchText.words(place));
            communes.add(FrenchText.words(place[1]));
        }
        Random random = new Random(20261128);
        for (int i = 0; i < 2000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(7); n > 0; n--) {
                text.append(text.isEmpty() ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
            }
            texts.add(text.toString());
            communes.add(COMMUNES[random.nextInt(COMMUNES.length)]);
        }
        List<String> heads = new ArrayList<>();
        List<String> others = new ArrayList<>();
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            SearchColumns columns = SearchColumns.of(texts.get(i), communes.get(i));
            heads.add(columns.head());
            others.add(Statement.arrayLiteral(columns.other()));
            pairs.add(columns.pairs() == null ? null : Statement.arrayLiteral(columns.pairs()));
        }

        int compared = 0;
        for (Row row : pool.preparedQuery("SELECT t, c, head, " + SearchDefinition.head("t") + " AS expected_head, "
                        + "array_to_tsvector(other::text[])::text AS other, " + SearchDefinition.other("t", "c")
                        + "::text AS expected_other, array_to_tsvector(pairs::text[])::text AS pairs, "
                        + SearchDefinition.pairs("t", "c") + "::text AS expected_pairs FROM unnest($1::text[], "
                        + "$2::text[], $3::text[], $4::text[], $5::text[]) AS given(t, c, head, other, pairs)")
                .execute(Tuple.of(texts.toArray(String[]::new), communes.toArray(String[]::new),
                        heads.toArray(String[]::new), others.toArray(String[]::new), pairs.toArray(String[]::new)))
                .await().indefinitely()) {
            String given = "text '" + row.getString("t") + "', commune '" + row.getString("c") + "'";
            assertThat(row.getString("head")).as("search_head of %s", given).isEqualTo(row.getString("expected_head"));
            assertThat(row.getString("other")).as("search_other of %s", given)
                    .isEqualTo(row.getString("expected_other"));
            assertThat(row.getString("pairs")).as("search_pairs of %s", given)
                    .isEqualTo(row.getString("expected_pairs"));
            compared++;
        }
        assertThat(compared).isEqualTo(texts.size());
    }
}
