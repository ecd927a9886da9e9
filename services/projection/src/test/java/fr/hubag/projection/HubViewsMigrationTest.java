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
 * V127 (actors) and V142 (vouchers) on a database that a rebuild had already given a generation, as an upgraded
 * server has: the generation's hub schema still holds tables of its own, a copy of its territories' rows. Each
 * migration's conversion (its DO block, run again here on such a generation) turns them into views of the same
 * generation's territory tables, and every row is then read once through them, none lost, none doubled.
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "projection"))
class HubViewsMigrationTest {

    private static final List<String> TERRITORIES = List.of("gp", "gf", "mq", "mf");

    /** A read model's hub conversion: its migration, its generations' schema suffix, its tables, one row to write. */
    private record Conversion(String migration, String suffix, List<String> tables, String table, String columns,
                              String sortedBy) {

        /** A row of {@code table} named {@code name} (the value of {@code sortedBy}), its ids from {@code n}. */
        String row(String schema, int n, String name) {
            String id = "'00000000-0000-0000-0000-0000000000a" + n + "'";
            return "INSERT INTO " + schema + "." + table + " " + columns.formatted(id, name);
        }
    }

    private static final Conversion ACTORS = new Conversion("V127__hub_actors_unites_territories.sql", "_actors_g90",
            List.of("places", "label_grants", "aidants", "aidant_trainings"), "aidants",
            "(aidant_id, actor_id, name, role, enrolled_on) VALUES (%s, '00000000-0000-0000-0000-0000000000b1', "
                    + "'%s', 'mediator', DATE '2026-01-05')", "name");
    private static final Conversion VOUCHERS = new Conversion("V142__hub_vouchers_unites_territories.sql",
            "_vouchers_g90", List.of("voucher_orders", "voucher_ledger", "voucher_passes", "voucher_booklets",
                    "voucher_redemptions", "voucher_statements", "voucher_refusals"), "voucher_refusals",
            "(refusal_id, order_id, territory, reason, refused_at) VALUES (%s, NULL, 'MQ', '%s', now())", "reason");

    @Inject
    Pool pool;

    @Test
    void anExistingActorsGenerationsHubTablesBecomeViewsOfItsTerritories() throws Exception {
        convertsWithEveryRowOnce(ACTORS);
    }

    @Test
    void anExistingVouchersGenerationsHubTablesBecomeViewsOfItsTerritories() throws Exception {
        convertsWithEveryRowOnce(VOUCHERS);
    }

    private void convertsWithEveryRowOnce(Conversion conversion) throws Exception {
        String hub = "hub" + conversion.suffix();
        try {
            for (String base : List.of("gp", "gf", "mq", "mf", "hub")) {
                run("CREATE SCHEMA " + base + conversion.suffix());
                for (String table : conversion.tables()) { // as GenerationSchemas copied them before: tables in hub too
                    run("CREATE TABLE " + base + conversion.suffix() + "." + table + " (LIKE mq." + table
                            + " INCLUDING ALL)");
                }
            }
            // the double write of before: a row in its territory, and again in the hub's copy
            run(conversion.row("gp" + conversion.suffix(), 1, "row of GP"));
            run(conversion.row(hub, 1, "row of GP"));
            run(conversion.row("mq" + conversion.suffix(), 2, "row of MQ"));
            run("INSERT INTO " + hub + "." + conversion.table() + " SELECT * FROM mq" + conversion.suffix() + "."
                    + conversion.table());

            run(doBlock(conversion.migration()));

            for (String table : conversion.tables()) {
                assertThat(kind(hub, table)).as("%s.%s", hub, table).isEqualTo("v");
                assertThat(kind("hub", table)).as("hub.%s", table).isEqualTo("v");
                for (String territory : TERRITORIES) {
                    assertThat(kind(territory + conversion.suffix(), table)).isEqualTo("r");
                }
            }
            List<String> names = new ArrayList<>();
            for (Row row : pool.query("SELECT " + conversion.sortedBy() + " FROM " + hub + "." + conversion.table()
                    + " ORDER BY 1").execute().await().indefinitely()) {
                names.add(row.getString(0));
            }
            assertThat(names).as("every territory's rows, once").containsExactly("row of GP", "row of MQ");
            // a row written after the upgrade, in its territory only, is the hub's at once
            run(conversion.row("mf" + conversion.suffix(), 3, "row of MF"));
            assertThat(pool.query("SELECT count(*) FROM " + hub + "." + conversion.table()).execute().await()
                    .indefinitely().iterator().next().getLong(0)).isEqualTo(3);
        } finally {
            for (String base : List.of("hub", "gp", "gf", "mq", "mf")) {
                run("DROP SCHEMA IF EXISTS " + base + conversion.suffix() + " CASCADE");
            }
        }
    }

    /** A migration's conversion of every hub schema that still has tables: its last DO block, as it runs. */
    private String doBlock(String migration) throws Exception {
        String sql = new String(getClass().getResourceAsStream("/db/projection/" + migration).readAllBytes(),
                StandardCharsets.UTF_8);
        return sql.substring(sql.lastIndexOf("DO $$"));
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
