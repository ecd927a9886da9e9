package fr.hubag.projection.shared.rebuild;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates and drops the schemas of a generation. A new generation copies the tables of the base schemas
 * ({@code CREATE TABLE ... (LIKE ... INCLUDING ALL)}: columns, defaults, generated columns, identities, checks,
 * indexes), so it has exactly the shape the Flyway migrations give generation 0, with no second copy of the DDL.
 *
 * <p>Its secondary indexes (those that are not unique: the GIN of free text and arrays, the listing orders) are
 * left out while the catch-up fills the tables and built once at the end ({@link #index}), copied from the base
 * schemas: maintaining a dozen indexes row by row costs PostgreSQL several times what building them in one pass
 * does, and the catch-up is where a rebuild spends its time. Unique indexes stay: {@code ON CONFLICT} needs them.
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
                chain = chain.chain(() -> secondaryIndexes(tx, schema, model.tables()))
                        .chain(indexes -> dropAll(tx, schema, indexes.keySet()));
            }
            return chain;
        });
    }

    /** Builds the secondary indexes of {@code generation}'s tables, as the base schemas have them. */
    Uni<Void> index(ReadModel model, Generation generation) {
        return pool.withTransaction(tx -> {
            // a GIN build sorts its entries in this memory; the default 64 MB spills to disk beyond ~100 000 places
            Uni<Void> chain = run(tx, "SET LOCAL maintenance_work_mem = '256MB'");
            for (String base : model.baseSchemas()) {
                String schema = generation.schema(base);
                chain = chain.chain(() -> secondaryIndexes(tx, base, model.tables()))
                        .chain(indexes -> createAll(tx, base, schema, indexes.values()));
            }
            return chain;
        });
    }

    /** The non-unique indexes of a schema's tables, by name: their definitions ({@code CREATE INDEX ... ON s.t}). */
    private static Uni<Map<String, String>> secondaryIndexes(SqlConnection tx, String schema, List<String> tables) {
        return tx.preparedQuery("""
                        SELECT ix.relname, pg_get_indexdef(i.indexrelid)
                          FROM pg_index i
                          JOIN pg_class ix ON ix.oid = i.indexrelid
                          JOIN pg_class t ON t.oid = i.indrelid
                          JOIN pg_namespace n ON n.oid = t.relnamespace
                         WHERE n.nspname = $1 AND t.relname = ANY($2) AND NOT i.indisunique
                         ORDER BY ix.relname""")
                .execute(Tuple.of(schema, tables.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, String> indexes = new LinkedHashMap<>();
                    rows.forEach(row -> indexes.put(row.getString(0), row.getString(1)));
                    return indexes;
                });
    }

    private static Uni<Void> dropAll(SqlConnection tx, String schema, Collection<String> indexes) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String index : indexes) {
            chain = chain.chain(() -> run(tx, "DROP INDEX " + schema + "." + index));
        }
        return chain;
    }

    private static Uni<Void> createAll(SqlConnection tx, String base, String schema, Collection<String> definitions) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String definition : definitions) {
            String copy = definition.replace(" ON " + base + ".", " ON " + schema + ".");
            if (copy.equals(definition)) {
                return Uni.createFrom().failure(new IllegalStateException("cannot copy index " + definition));
            }
            chain = chain.chain(() -> run(tx, copy));
        }
        return chain;
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
