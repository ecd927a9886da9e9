package fr.hubag.projection;

import fr.hubag.domain.Territory;
import fr.hubag.projection.shared.Scope;
import fr.hubag.projection.shared.SearchText;
import fr.hubag.projection.support.ActorStream;
import fr.hubag.projection.support.Api;
import fr.hubag.projection.support.Events;
import fr.hubag.projection.support.Places;
import fr.hubag.projection.support.SearchDefinition;
import fr.hubag.testing.HubTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Future;

import static fr.hubag.projection.TextSearchTest.names;
import static fr.hubag.projection.support.Api.await;
import static fr.hubag.projection.support.Api.get;
import static fr.hubag.projection.support.Api.total;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Free text answers what its definition says, whichever of its parts finds the matches (TextSearch: first words,
 * a commune's places, other words; walked, probed or from a GIN index, with the column statistics or without): for
 * random places (a quarter of them changed after their registration) whose words mix first words, communes' words,
 * the same words elsewhere and prefixes of each other, and random queries of one to three words, the first two
 * pages and the count equal the plain definition read from the serving table (every word a prefix of a word of the
 * place's text, closed and merged places left out, in name order), in Martinique and at hub scope (a view of the
 * four territories' places). The columns the projector computes for it (V128) are checked against their definition
 * first. {@link TextSearchOracleByIndexTest} runs the same with a walk of one name, so by the GIN indexes.
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "projection"))
class TextSearchOracleTest {

    private static final String[][] COMMUNES = {{"Le Lamentin", "97213", "97232"},
            {"Fort-de-France", "97209", "97200"}, {"Sainte-Marie", "97228", "97230"},
            {"Schœlcher", "97229", "97233"}};

    @Inject
    Pool pool;

    @Test
    void randomPlacesAndQueriesAnswerAsTheDefinition() throws Exception {
        Random random = new Random(20261128);
        String mark = Api.tag();          // in every place of this test: what the await counts
        String a = Api.tag();
        String b = a.substring(0, 6) + Api.tag().substring(2, 6);   // shares a's first six letters
        String c = Api.tag();
        String[] heads = {a, b, "Espace", "Atelier", "Marie", "12"};
        String[] middles = {"", "Lamentin", "Marie", c, a, "Fort"};
        String[] others = {"espace", "ateliers", "marie", "lamentin", "fort", "rue", c, a, b};
        int count = 160;
        List<Future<?>> sent = new ArrayList<>();
        List<ActorStream> actors = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ActorStream actor = ActorStream.create("MQ");
            actors.add(actor);
            sent.add(actor.publishAsync("ActorRegistered", Events.registered(actor,
                    place(random, pick(random, heads) + " " + pick(random, middles) + " " + i, mark, others))));
        }
        for (Future<?> future : sent) {
            future.get();
        }
        await("/territories/MQ/actors?q=" + mark, r -> total(r) == count);
        // a quarter of them change name, commune and summary (the projector's other statement)
        String changed = Api.tag();
        sent.clear();
        for (int i = 0; i < count; i += 4) {
            ActorStream actor = actors.get(i);
            sent.add(actor.publishAsync("ActorDetailsChanged", Events.detailsChanged(actor, place(random,
                    pick(random, heads) + " " + pick(random, middles) + " " + i, mark + " " + changed, others))));
        }
        for (Future<?> future : sent) {
            future.get();
        }
        await("/territories/MQ/actors?q=" + changed, r -> total(r) == count / 4);
        // the columns free text reads beside its words, as the projector wrote them, are their definition
        String text = "p.search_text";
        String commune = "p.commune_key";
        Row columns = pool.preparedQuery("SELECT count(*) FILTER (WHERE p.search_head IS DISTINCT FROM "
                        + SearchDefinition.head(text) + " OR p.search_other IS DISTINCT FROM "
                        + SearchDefinition.other(text, commune) + " OR p.search_pairs IS DISTINCT FROM "
                        + SearchDefinition.pairs(text, commune) + ") AS differing, count(*) AS places FROM "
                        + Scope.of(Territory.MQ).table("places") + " p WHERE p.search_text LIKE '%' || $1 || '%'")
                .execute(Tuple.of(mark)).await().indefinitely().iterator().next();
        assertThat(columns.getLong("places")).as("this test's places").isEqualTo(count);
        assertThat(columns.getLong("differing")).as("places whose search columns differ from their definition")
                .isZero();

        String[] words = {a, b, a.substring(0, 6), c, "espace", "esp", "ateliers", "atelier", "marie", "mar",
                "lamentin", "fort", "france", "schoelcher", "sainte", "rue", "12", mark, "zzqj"};
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            StringBuilder query = new StringBuilder(pick(random, words));
            for (int k = random.nextInt(3); k > 0; k--) {
                query.append(' ').append(pick(random, words));
            }
            queries.add(query.toString());
        }
        // in Martinique, and at hub scope: a view uniting the four territories' places (V127), with other tests' too
        for (Scope scope : List.of(Scope.of(Territory.MQ), Scope.HUB)) {
            for (String query : queries) {
                answersAsTheDefinition(scope, query, random.nextBoolean() ? 7 : 50);
            }
        }
        // the same with the column statistics, which send the rare words straight to the GIN indexes (at hub scope,
        // those of the four territories' tables, weighted by their rows)
        for (Territory territory : Territory.values()) {
            pool.query("ANALYZE " + Scope.of(territory).table("places")).execute().await().indefinitely();
        }
        for (Scope scope : List.of(Scope.of(Territory.MQ), Scope.HUB)) {
            for (String query : queries) {
                answersAsTheDefinition(scope, query, 20);
            }
        }
    }

    private void answersAsTheDefinition(Scope scope, String query, int size) {
        String table = scope.table("places");
        List<String> expected = new ArrayList<>();
        long[] total = new long[1];
        String tsquery = SearchText.prefixQuery(query).orElseThrow();
        for (Row row : pool.preparedQuery("SELECT p.name, count(*) OVER () AS n FROM " + table + " p WHERE "
                        + "p.merged_into IS NULL AND p.closed_on IS NULL AND p.search @@ $1::text::tsquery "
                        + "ORDER BY lower(p.name), p.actor_id LIMIT $2")
                .execute(Tuple.of(tsquery, 2 * size)).await().indefinitely()) {
            expected.add(row.getString("name"));
            total[0] = row.getLong("n");
        }
        String path = scope.basePath().substring(Api.BASE.length()) + "/actors?size=" + size + "&q="
                + URLEncoder.encode(query, StandardCharsets.UTF_8).replace("+", "%20");
        ValidatableResponse first = get(path);
        List<String> answered = new ArrayList<>(names(first));
        String next = first.extract().path("next");
        if (next != null) {
            answered.addAll(names(get(next.substring(Api.BASE.length()))));
        }
        assertThat(answered).as("the first two pages of %s in %s", query, scope.name()).containsExactlyElementsOf(expected);
        assertThat(total(first)).as("the count of %s in %s", query, scope.name()).isEqualTo((int) Math.min(total[0], 1_000));
    }

    /** A place of Martinique named {@code name}, in a random commune, its summary the words given then random others. */
    private static JsonObject place(Random random, String name, String words, String[] others) {
        StringBuilder summary = new StringBuilder(words);
        for (int k = random.nextInt(4); k > 0; k--) {
            summary.append(' ').append(pick(random, others));
        }
        String[] commune = COMMUNES[random.nextInt(COMMUNES.length)];
        return Places.commune(Places.place("MQ", name.replaceAll(" +", " ")).put("summary", summary.toString()),
                commune[0], commune[1], commune[2]);
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
