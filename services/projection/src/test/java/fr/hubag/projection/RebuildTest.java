package fr.hubag.projection;

import fr.hubag.domain.Territory;
import fr.hubag.projection.actors.projector.ActorsProjector;
import fr.hubag.projection.shared.Scope;
import fr.hubag.projection.shared.rebuild.Generations;
import fr.hubag.projection.support.ActorStream;
import fr.hubag.projection.support.Api;
import fr.hubag.projection.support.Events;
import fr.hubag.projection.support.Places;
import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static fr.hubag.projection.support.Api.as;
import static fr.hubag.projection.support.Api.await;
import static fr.hubag.projection.support.Api.total;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * Rebuilding the actors read models while places are still being registered: the directory answers 200 with the
 * old data the whole time, the new generation then holds every place exactly once, the progress reached its total,
 * and a second rebuild does the same (dropping the first one's predecessor). Only a hub-admin covering every
 * territory may start or watch a rebuild.
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "projection"))
class RebuildTest {

    static final String REBUILDS = Api.BASE + "/admin/rebuilds";
    static final String ACTORS = "{\"readModel\":\"actors\"}";

    @Inject
    Pool pool;
    @Inject
    Generations generations;
    @Inject
    ActorsProjector projector;
    @TestHTTPResource("/")
    URI root;

    @Test
    void onlyAHubAdminCoveringEveryTerritoryMayRebuild() {
        as(null).get(REBUILDS).then().statusCode(401);
        as(null).contentType("application/json").body(ACTORS).post(REBUILDS).then().statusCode(401);
        for (String token : List.of(TestTokens.coordinator("MQ"), TestTokens.of("hub-admin", "MQ"),
                TestTokens.of("coordinator", "GP", "GF", "MQ", "MF"))) {
            as(token).get(REBUILDS).then().statusCode(403);
            as(token).contentType("application/json").body(ACTORS).post(REBUILDS).then().statusCode(403)
                    .contentType(startsWith("application/problem+json"));
        }
        // an unknown read model (vouchers is one now)
        as(TestTokens.hubAdmin()).contentType("application/json").body("{\"readModel\":\"no-such-model\"}")
                .post(REBUILDS).then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("readModel"));
        as(TestTokens.hubAdmin()).contentType("application/json").body("{}").post(REBUILDS).then().statusCode(400);
        as(TestTokens.hubAdmin()).get(REBUILDS).then().statusCode(200);
        as(TestTokens.hubAdmin()).get(REBUILDS + "/999999").then().statusCode(404);
    }

    @Test
    void queriesKeepAnsweringAndTheSwitchLosesAndDoublesNothing() throws Exception {
        String tag = Api.tag();
        Set<String> written = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 150; i++) {
            written.add(register(tag, "before " + i));
        }
        String directory = "/territories/MQ/actors?q=" + tag + "&size=1";
        await(directory, r -> total(r) == 150).statusCode(200);

        int first = rebuildWhileWriting(tag, written, 150);
        assertThat(schemaExists("mq_actors_g" + first)).isTrue();

        int second = rebuildWhileWriting(tag, written, written.size());
        assertThat(second).isEqualTo(first + 1);
        assertThat(generations.serving(projector).number()).isEqualTo(second);
        assertThat(schemaExists("mq_actors_g" + (first - 1))).as("two generations back: dropped").isFalse();
        assertThat(schemaExists("mq_actors_g" + first)).as("the previous one: kept until the next rebuild")
                .isTrue();
    }

    /** Rebuilds while a writer registers places and a reader queries; returns the generation that now serves. */
    private int rebuildWhileWriting(String tag, Set<String> written, int before) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<String> badAnswers = new CopyOnWriteArrayList<>();
        List<Integer> reads = new CopyOnWriteArrayList<>();
        Thread writer = Thread.ofPlatform().start(() -> {
            for (int i = 0; !stop.get(); i++) {
                written.add(register(tag, "during " + i));
                sleep(10);
            }
        });
        HttpClient http = HttpClient.newHttpClient();
        Thread reader = Thread.ofPlatform().start(() -> {
            while (!stop.get()) {
                try {
                    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(root.resolve(
                            "/api/projection/territories/MQ/actors?q=" + tag + "&size=1")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    int total = new io.vertx.core.json.JsonObject(answer.body()).getInteger("total", -1);
                    reads.add(total);
                    if (answer.statusCode() != 200 || total < before) {
                        badAnswers.add(answer.statusCode() + " total " + total);
                    }
                } catch (Exception e) {
                    badAnswers.add(String.valueOf(e));
                }
            }
        });
        sleep(300);
        ValidatableResponse started = as(TestTokens.hubAdmin()).contentType("application/json").body(ACTORS)
                .post(REBUILDS).then().statusCode(202).body("state", equalTo("CATCHING_UP"));
        long id = started.extract().<Number>path("id").longValue();
        int generation = started.extract().path("generation");
        as(TestTokens.hubAdmin()).contentType("application/json").body(ACTORS).post(REBUILDS).then()
                .statusCode(409);
        ValidatableResponse done = Api.await(TestTokens.hubAdmin(), "/admin/rebuilds/" + id,
                r -> !List.of("CATCHING_UP", "DUAL").contains(r.extract().<String>path("state")));
        sleep(500); // a few more places after the switch, applied by the live consumer to the new generation only
        stop.set(true);
        writer.join();
        reader.join();

        done.statusCode(200).body("state", equalTo("SWITCHED"));
        long total = done.extract().<Number>path("total").longValue();
        assertThat(total).isPositive();
        assertThat(done.extract().<Number>path("applied").longValue()).isEqualTo(total);
        assertThat(done.extract().<Object>path("takenOverAt")).isNotNull();
        assertThat(badAnswers).as("answers during the rebuild").isEmpty();
        assertThat(written.size()).as("places written during the rebuild").isGreaterThan(before);
        assertThat(reads).hasSizeGreaterThan(5);
        assertThat(generations.serving(projector).number()).isEqualTo(generation);

        await("/territories/MQ/actors?q=" + tag + "&size=1", r -> total(r) == written.size()).statusCode(200)
                .body("total", equalTo(written.size()));
        for (Scope scope : List.of(Scope.of(Territory.MQ), Scope.HUB)) {
            assertThat(scope.table("places")).startsWith(scope.schema() + "_actors_g" + generation + ".");
            List<String> ids = idsIn(scope, tag);
            assertThat(ids).as("nothing doubled in %s", scope.table("places")).doesNotHaveDuplicates();
            assertThat(new HashSet<>(ids)).as("nothing lost in %s", scope.table("places")).isEqualTo(written);
        }
        for (String base : projector.baseSchemas()) {
            assertThat(shape(base + "_actors_g" + generation))
                    .as("generation %d of %s: the secondary indexes built at the end, the storage options", generation,
                            base)
                    .isEqualTo(shape(base)).containsAll(base.equals("hub")
                            ? List.of("places v ") // a view uniting the territories' places (V127), no storage
                            : List.of("places r toast_tuple_target=4096", // V125
                                    "CREATE INDEX places_search_idx ON places USING gin (search)" // V143
                                            + " WITH (gin_pending_list_limit='256')"));
        }
        // analysed once its indexes were built (autovacuum was off during the catch-up, its storage option reset
        // above): the statistics of the name order's expression, lower(name), exist before it serves
        assertThat(pool.preparedQuery("SELECT count(*) FROM pg_stats WHERE schemaname = $1 AND tablename = $2")
                .execute(Tuple.of("mq_actors_g" + generation, "places_live_by_name")).await().indefinitely()
                .iterator().next().getLong(0)).as("statistics of the new generation's lower(name)").isPositive();
        return generation;
    }

    /**
     * A schema's tables as the migrations shape them: their kind (a table, or a view at hub scope, V127), storage
     * options (V125) and non-unique indexes.
     */
    private List<String> shape(String schema) {
        List<String> shape = new ArrayList<>();
        for (Row row : pool.preparedQuery("""
                        SELECT t.relname || ' ' || t.relkind::text || ' ' || coalesce(array_to_string(t.reloptions, ','), '')
                          FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace
                         WHERE n.nspname = $1 AND t.relname = ANY($2)
                        UNION ALL
                        SELECT replace(pg_get_indexdef(i.indexrelid), ' ON ' || n.nspname || '.', ' ON ')
                          FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
                          JOIN pg_namespace n ON n.oid = t.relnamespace
                         WHERE n.nspname = $1 AND t.relname = ANY($2) AND NOT i.indisunique
                         ORDER BY 1""")
                .execute(Tuple.of(schema, projector.tables().toArray(String[]::new))).await().indefinitely()) {
            shape.add(row.getString(0));
        }
        return shape;
    }

    private static String register(String tag, String name) {
        ActorStream actor = ActorStream.create("MQ");
        actor.publish("ActorRegistered", Events.registered(actor, Places.place("MQ", name + " " + tag)));
        return actor.id().toString();
    }

    private List<String> idsIn(Scope scope, String tag) {
        List<String> ids = new ArrayList<>();
        for (Row row : pool.preparedQuery("SELECT actor_id FROM " + scope.table("places") + " WHERE name LIKE $1")
                .execute(Tuple.of("%" + tag)).await().indefinitely()) {
            ids.add(row.getUUID(0).toString());
        }
        return ids;
    }

    private boolean schemaExists(String schema) {
        return pool.preparedQuery("SELECT count(*) FROM pg_namespace WHERE nspname = $1").execute(Tuple.of(schema))
                .await().indefinitely().iterator().next().getLong(0) == 1;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
