package fr.hubag.projection.shared.rebuild;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * Creates and drops the schemas of a generation. A new generation copies the tables of the base schemas
 * ({@code CREATE TABLE ... (LIKE ... INCLUDING ALL)}: columns, defaults, generated columns, identities, checks,
 * indexes), so it has exactly the shape the Flyway migrations give generation 0, with no second copy of the DDL.
 */
@ApplicationScoped
class GenerationSchemas {

    private final Pool pool;

    GenerationSchemas(Pool pool) {
        this.pool = pool;
    }

    /** Empty tables for {@code generation} (a number never used before: {@link #dropAllBut} ran first). */
    Uni<Void> create(ReadModel model, Generation generation) {
        return pool.withTransaction(tx -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (String base : model.baseSchemas()) {
                String schema = generation.schema(base);
                chain = chain.chain(() -> run(tx, "CREATE SCHEMA " + schema));
                for (String table : model.tables()) {
                    chain = chain.chain(() -> run(tx, "CREATE TABLE " + schema + "." + table + " (LIKE " + base
                            + "." + table + " INCLUDING ALL)"));
                }
            }
            return chain;
        });
    }

    /**
     * Drops every generation but {@code keep}: their schemas (generation n >= 1), or the rows of generation 0, whose
     * tables stay as the template; and the marks and checkpoints of their consumer names.
     */
    Uni<List<Integer>> dropAllBut(ReadModel model, Generation keep) {
        return existing(model).chain(numbers -> pool.withTransaction(tx -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            List<Integer> dropped = new ArrayList<>();
            for (int number : numbers) {
                if (number == keep.number()) {
                    continue;
                }
                dropped.add(number);
                Generation old = model.generation(number);
                for (String base : model.baseSchemas()) {
                    String sql = number == 0
                            ? "TRUNCATE " + String.join(", ", model.tables().stream().map(t -> base + "." + t).toList())
                            : "DROP SCHEMA IF EXISTS " + old.schema(base) + " CASCADE";
                    chain = chain.chain(() -> run(tx, sql));
                }
                chain = chain.chain(() -> tx.preparedQuery("DELETE FROM es_processed_events WHERE consumer = $1")
                                .execute(Tuple.of(old.consumer())).replaceWithVoid())
                        .chain(() -> tx.preparedQuery("DELETE FROM es_consumer_checkpoints WHERE consumer = $1")
                                .execute(Tuple.of(old.consumer())).replaceWithVoid());
            }
            return chain.replaceWith(dropped);
        }));
    }

    /** The generations that have tables or bookkeeping: 0, and every n with a schema {@code *_<model>_g<n>}. */
    private Uni<List<Integer>> existing(ReadModel model) {
        return pool.preparedQuery("""
                        SELECT DISTINCT (regexp_match(nspname, '_' || $1 || '_g([0-9]+)$'))[1]::int
                          FROM pg_namespace WHERE nspname ~ ('^[a-z]+_' || $1 || '_g[0-9]+$')""")
                .execute(Tuple.of(model.name()))
                .map(rows -> {
                    List<Integer> numbers = new ArrayList<>(List.of(0));
                    for (Row row : rows) {
                        numbers.add(row.getInteger(0));
                    }
                    return numbers;
                });
    }

    private static Uni<Void> run(SqlConnection tx, String sql) {
        return tx.query(sql).execute().replaceWithVoid();
    }
}
