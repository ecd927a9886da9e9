package fr.hubag.projection;

import fr.hubag.testing.HubTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V127 on a database that a rebuild had already given a generation, as an upgraded server has: the generation's hub
 * schema still holds tables of its own, a copy of its territories' rows. The migration's conversion (its DO block,
 * run again here on such a generation) turns them into views of the same generation's territory tables, and every
 * row is then read once through them, none lost, none doubled.
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "projection"))
class HubViewsMigrationTest {

    private static final List<String> TABLES = List.of("places", "label_grants", "aidants", "aidant_trainings");
    private static final List<String> TERRITORIES = List.of("gp", "gf", "mq", "mf");

    @Inject
    Pool pool;

    @Test
    void anExistingGenerationsHubTablesBecomeViewsOfItsTerritories() throws Exception {
        try {
            for (String base : List.of("gp", "gf", "mq", "mf", "hub")) {
                run("CREATE SCHEMA " + base + "_actors_g90");
                for (String table : TABLES) { // as GenerationSchemas copied them before V127: tables in hub too
                    run("CREATE TABLE " + base + "_actors_g90." + table + " (LIKE mq." + table + " INCLUDING ALL)");
                }
            }
            // the double write of before: an aidant in its territory, and again in the hub's copy
            for (String schema : List.of("gp_actors_g90", "hub_actors_g90")) {
                run("INSERT INTO " + schema + ".aidants (aidant_id, actor_id, name, role, enrolled_on) VALUES "
                        + "('00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-0000000000b1', "
                        + "'Aidante GP', 'mediator', DATE '2026-01-05')");
            }
            run("INSERT INTO mq_actors_g90.aidants (aidant_id, actor_id, name, role, enrolled_on) VALUES "
                    + "('00000000-0000-0000-0000-0000000000a2', '00000000-0000-0000-0000-0000000000b2', "
                    + "'Aidant MQ', 'mediator', DATE '2026-02-01')");
            run("INSERT INTO hub_actors_g90.aidants SELECT * FROM mq_actors_g90.aidants");

            run(conversion());

            for (String table : TABLES) {
                assertThat(kind("hub_actors_g90", table)).as("hub_actors_g90.%s", table).isEqualTo("v");
                assertThat(kind("hub", table)).as("hub.%s", table).isEqualTo("v");
                for (String territory : TERRITORIES) {
                    assertThat(kind(territory + "_actors_g90", table)).isEqualTo("r");
                }
            }
            List<String> names = new ArrayList<>();
            for (Row row : pool.query("SELECT name FROM hub_actors_g90.aidants ORDER BY name").execute().await()
                    .indefinitely()) {
                names.add(row.getString("name"));
            }
            assertThat(names).as("every territory's rows, once").containsExactly("Aidant MQ", "Aidante GP");
            // a row written after the upgrade, in its territory only, is the hub's at once
            run("INSERT INTO mf_actors_g90.aidants (aidant_id, actor_id, name, role, enrolled_on) VALUES "
                    + "('00000000-0000-0000-0000-0000000000a3', '00000000-0000-0000-0000-0000000000b3', "
                    + "'Aidant MF', 'mediator', DATE '2026-03-01')");
            assertThat(pool.query("SELECT count(*) FROM hub_actors_g90.aidants").execute().await().indefinitely()
                    .iterator().next().getLong(0)).isEqualTo(3);
        } finally {
            for (String base : List.of("hub", "gp", "gf", "mq", "mf")) {
                run("DROP SCHEMA IF EXISTS " + base + "_actors_g90 CASCADE");
            }
        }
    }

    /** V127's conversion of every hub schema that still has tables: its DO block, as the migration runs it. */
    private String conversion() throws Exception {
        String migration = new String(getClass().getResourceAsStream(
                "/db/projection/V127__hub_actors_unites_territories.sql").readAllBytes(), StandardCharsets.UTF_8);
        return migration.substring(migration.lastIndexOf("DO $$"));
    }

    private String kind(String schema, String table) {
        return pool.preparedQuery("SELECT c.relkind::text FROM pg_class c JOIN pg_namespace n ON n.oid = "
                        + "c.relnamespace WHERE n.nspname = $1 AND c.relname = $2")
                .execute(Tuple.of(schema, table)).await().indefinitely().iterator().next().getString(0);
    }

    private void run(String sql) {
        pool.query(sql).execute().await().indefinitely();
    }
}
