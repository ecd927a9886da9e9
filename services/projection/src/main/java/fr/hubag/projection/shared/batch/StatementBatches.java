package fr.hubag.projection.shared.batch;

import fr.hubag.eventsourcing.consumer.ConsumedEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a poll's events in a few round trips instead of one per statement, keeping what the order means. A poll
 * is cut into rounds ({@link #rounds}): round k holds the k-th event of each stream, so the events of a round
 * touch different streams and may run in any order, while a stream's events stay in order from round to round.
 * Within a round each event gives independent sequences of statements (one per schema it writes); the i-th
 * statements of all sequences run together: those with the same SQL as one multi-row execution if they are rows
 * ({@link Statement#row}), else as one {@code executeBatch} (one Bind/Execute each, a single Sync); the batches are
 * pipelined on the transaction's connection.
 */
public final class StatementBatches {

    private StatementBatches() {}

    /** The events in rounds, each in the order read: round k holds the k-th event of each stream of the poll. */
    public static List<List<ConsumedEvent>> rounds(List<ConsumedEvent> events) {
        List<List<ConsumedEvent>> rounds = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (ConsumedEvent event : events) {
            int round = seen.merge(event.streamKey(), 1, Integer::sum) - 1;
            if (round == rounds.size()) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(round).add(event);
        }
        return rounds;
    }

    /** Runs independent sequences of statements: step i runs the i-th statement of each, batched by SQL text. */
    public static Uni<Void> run(SqlConnection tx, List<List<Statement>> sequences) {
        int steps = sequences.stream().mapToInt(List::size).max().orElse(0);
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int step = 0; step < steps; step++) {
            int i = step;
            chain = chain.chain(() -> step(tx, sequences, i));
        }
        return chain;
    }

    private static Uni<Void> step(SqlConnection tx, List<List<Statement>> sequences, int i) {
        Map<String, List<Statement>> bySql = new LinkedHashMap<>();
        for (List<Statement> sequence : sequences) {
            if (i < sequence.size()) {
                Statement statement = sequence.get(i);
                bySql.computeIfAbsent(statement.sql(), sql -> new ArrayList<>()).add(statement);
            }
        }
        List<Uni<Void>> batches = new ArrayList<>(bySql.size());
        bySql.forEach((sql, statements) -> batches.add(batch(tx, sql, statements)));
        return Uni.join().all(batches).andFailFast().replaceWithVoid();
    }

    private static Uni<Void> batch(SqlConnection tx, String sql, List<Statement> statements) {
        if (statements.get(0).multiRow()) {
            return tx.preparedQuery(sql).execute(columns(statements)).replaceWithVoid();
        }
        if (statements.size() == 1) {
            return tx.preparedQuery(sql).execute(statements.get(0).params()).replaceWithVoid();
        }
        return tx.preparedQuery(sql).executeBatch(statements.stream().map(Statement::params).toList())
                .replaceWithVoid();
    }

    /** Rows turned into columns: the n-th parameter is the array of the n-th values of every row. */
    private static Tuple columns(List<Statement> rows) {
        List<Class<?>> types = rows.get(0).columns();
        Tuple columns = Tuple.tuple();
        for (int c = 0; c < types.size(); c++) {
            Object column = Array.newInstance(types.get(c), rows.size());
            for (int r = 0; r < rows.size(); r++) {
                Array.set(column, r, rows.get(r).params().getValue(c));
            }
            columns.addValue(column);
        }
        return columns;
    }
}
