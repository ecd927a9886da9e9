package fr.hubag.projection.shared.rebuild;

import fr.hubag.projection.shared.Scope;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Creates and drops the schemas of a generation. A new generation copies the tables of the base schemas
 * ({@code CREATE TABLE ... (LIKE ... INCLUDING ALL)}: columns, defaults, generated columns, identities, checks,
 * indexes; and the tables' storage options, which LIKE leaves out), so it has exactly the shape the Flyway
 * migrations give generation 0, with no second copy of the DDL.
 *
 * <p>Its secondary indexes (those that are not unique: the GIN of free text and arrays, the listing orders) are
 * left out while the catch-up fills the tables and built once at the end ({@link #index}), copied from the base
 * schemas: maintaining a dozen indexes row by row costs PostgreSQL several times what building them in one pass
 * does, and the catch-up is where a rebuild spends its time. Unique indexes stay: {@code ON CONFLICT} needs them.
 *
 * <p>A read model whose hub tables are views uniting the territories' ({@link ReadModel#hubUnitesTerritories})
 * gets the same views in its new hub schema, over the new territory tables ({@code read_model_hub_views}, V127).
 */
@ApplicationScoped
class GenerationSchemas {

    /**
     * Off on a new generation's tables while the catch-up fills them: autovacuum would vacuum and analyse them again
     * and again as they grow, taking a core from the catch-up. They are vacuumed and analysed once at the end
     * ({@link #index}), then it is back on.
     */
    static final String AUTOVACUUM = "autovacuum_enabled";

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
                if (unitesTerritories(model, base)) {
                    continue; // views, once the territories' tables exist (below)
                }
                for (String table : model.tables()) {
                    chain = chain.chain(() -> run(tx, "CREATE TABLE " + schema + "." + table + " (LIKE " + base
                            + "." + table + " INCLUDING ALL)"))
                            .chain(() -> run(tx, "ALTER TABLE " + schema + "." + table + " SET (" + AUTOVACUUM
                                    + " = false)"));
                }
                chain = chain.chain(() -> copyStorageOptions(tx, base, schema, model.tables()))
                        .chain(() -> secondaryIndexes(tx, schema, model.tables()))
                        .chain(indexes -> dropAll(tx, schema, indexes.keySet()));
            }
            if (model.hubUnitesTerritories()) {
                chain = chain.chain(() -> tx.preparedQuery("SELECT read_model_hub_views($1, $2)")
                        .execute(Tuple.of(generation.schema(Scope.HUB.schema()), model.tables().toArray(String[]::new)))
                        .replaceWithVoid());
            }
            return chain;
        });
    }

    /** Whether {@code base} is the hub schema of a read model whose hub tables are views (V127). */
    private static boolean unitesTerritories(ReadModel model, String base) {
        return model.hubUnitesTerritories() && Scope.HUB.schema().equals(base);
    }

    /**
     * Makes {@code generation}'s filled tables ready to serve: vacuums them (their visibility map, which index-only
     * scans read), builds their secondary indexes as the base schemas have them, analyses them (the indexes'
     * expressions included, so the planner knows the new generation before it serves) and puts autovacuum back.
     * Each step on {@code connections} connections side by side: one build keeps one PostgreSQL backend (a core)
     * busy, and a rebuild's tables and indexes are independent. The indexes are taken costliest first (a hub that has
     * tables of its own holds every row; GIN builds cost most), so the connections finish about together. A hub of
     * views (actors, V127) has nothing to vacuum or index.
     */
    Uni<Void> index(ReadModel model, Generation generation, int connections) {
        List<String> tables = new ArrayList<>();
        for (String base : model.baseSchemas()) {
            if (!unitesTerritories(model, base)) {
                model.tables().forEach(table -> tables.add(generation.schema(base) + "." + table));
            }
        }
        // a GIN build gathers its entries in this memory (at a million places, 64 MB, 256 MB and 1 GB built the
        // search_pairs index in 8-10 s alike: docs/benchmarks.md, sixth day). No parallel workers of PostgreSQL's own
        // per B-tree build: the connections already keep the cores busy
        List<String> buildSettings = List.of("SET LOCAL maintenance_work_mem = '256MB'",
                "SET LOCAL max_parallel_maintenance_workers = 0");
        return sideBySide(connections, null, tables.stream().map(table -> List.of("VACUUM " + table)).toList())
                .chain(() -> definitions(model, generation))
                .chain(definitions -> sideBySide(connections, buildSettings, definitions.stream().map(List::of)
                        .toList()))
                .chain(() -> sideBySide(connections, null, tables.stream().map(table -> List.of("ANALYZE " + table,
                        "ALTER TABLE " + table + " RESET (" + AUTOVACUUM + ")")).toList()));
    }

    /**
     * Runs each piece of {@code work} (statements run in their order) on one of {@code connections} connections side
     * by side, each connection taking the next piece from a shared queue: in a transaction opened with
     * {@code settings}, or with none outside any transaction ({@code VACUUM} cannot run in one).
     */
    private Uni<Void> sideBySide(int connections, List<String> settings, List<List<String>> work) {
        Queue<List<String>> queue = new ConcurrentLinkedQueue<>(work);
        List<Uni<Void>> workers = new ArrayList<>();
        for (int i = 0; i < Math.max(1, connections); i++) {
            workers.add(settings == null ? pool.withConnection(connection -> runFrom(connection, queue))
                    : pool.withTransaction(tx -> runAll(tx, settings).chain(() -> runFrom(tx, queue))));
        }
        return Uni.join().all(workers).andFailFast().replaceWithVoid();
    }

    private static Uni<Void> runFrom(SqlConnection connection, Queue<List<String>> queue) {
        List<String> next = queue.poll();
        return next == null ? Uni.createFrom().voidItem()
                : runAll(connection, next).chain(() -> runFrom(connection, queue));
    }

    private static Uni<Void> runAll(SqlConnection connection, List<String> statements) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String statement : statements) {
            chain = chain.chain(() -> run(connection, statement));
        }
        return chain;
    }

    /** The CREATE INDEX statements of {@code generation}'s secondary indexes, costliest first. */
    private Uni<List<String>> definitions(ReadModel model, Generation generation) {
        return pool.withConnection(connection -> {
            List<String> definitions = new ArrayList<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (String base : model.baseSchemas()) {
                chain = chain.chain(() -> secondaryIndexes(connection, base, model.tables()))
                        .invoke(indexes -> definitions.addAll(copies(base, generation.schema(base), indexes.values())))
                        .replaceWithVoid();
            }
            return chain.map(nothing -> definitions.stream()
                    .sorted(Comparator.comparingInt(GenerationSchemas::cost).reversed()).toList());
        });
    }

    private static int cost(String definition) {
        return (definition.contains(" ON hub") ? 2 : 0) + (definition.contains(" USING gin ") ? 1 : 0);
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

    /** The definitions of a base schema's indexes, made to build the same on {@code schema}'s tables. */
    private static List<String> copies(String base, String schema, Collection<String> definitions) {
        List<String> copies = new ArrayList<>();
        for (String definition : definitions) {
            String copy = definition.replace(" ON " + base + ".", " ON " + schema + ".");
            if (copy.equals(definition)) {
                throw new IllegalStateException("cannot copy index " + definition);
            }
            copies.add(copy);
        }
        return copies;
    }

    /**
     * The base tables' storage options ({@code toast_tuple_target}, V125) on the new generation's: LIKE does not copy
     * them, and they decide how costly each insert of the catch-up is.
     */
    private static Uni<Void> copyStorageOptions(SqlConnection tx, String base, String schema, List<String> tables) {
        return tx.preparedQuery("""
                        SELECT c.relname, array_to_string(c.reloptions, ', ')
                          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                         WHERE n.nspname = $1 AND c.relname = ANY($2) AND c.relkind = 'r'
                           AND c.reloptions IS NOT NULL""")
                .execute(Tuple.of(base, tables.toArray(String[]::new)))
                .chain(rows -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Row row : rows) {
                        String sql = "ALTER TABLE " + schema + "." + row.getString(0) + " SET (" + row.getString(1)
                                + ")";
                        chain = chain.chain(() -> run(tx, sql));
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
                    if (number == 0 && unitesTerritories(model, base)) {
                        continue; // views: emptied with the territories' tables
                    }
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
