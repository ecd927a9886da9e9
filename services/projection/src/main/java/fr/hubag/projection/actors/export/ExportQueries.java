package fr.hubag.projection.actors.export;

import fr.hubag.projection.shared.Scope;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Cursor;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.PreparedStatement;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Reads the open, non-merged places of a scope as stored, with their labels, through a server-side cursor (one
 * read snapshot), so a whole territory is exported without holding it in memory. The worker that writes the export
 * drives the cursor itself and keeps one fetch ahead: PostgreSQL reads the next rows while the worker parses and
 * writes the current ones (before, each fetch waited until the previous rows had gone through).
 */
@ApplicationScoped
public class ExportQueries {

    /** Rows a fetch; at most two fetches are held (250 and 1 000 measured no better for the first 1 000 rows). */
    static final int FETCH = 500;

    /** A wait for the database longer than this is a failure (the worker would otherwise wait for ever). */
    private static final Duration WAIT = Duration.ofSeconds(60);

    /**
     * A portal is planned for all its rows, so on a large territory PostgreSQL would scan and sort every place
     * before the first row (2.4 s at a million places); read in the name index's order instead, the first rows go
     * out at once (20 ms). For this transaction only.
     */
    private static final String IN_INDEX_ORDER = "SET LOCAL enable_sort = off";

    private final Pool pool;

    public ExportQueries(Pool pool) {
        this.pool = pool;
    }

    /**
     * A place as stored, its JSON as UTF-8 bytes (read as bytes, not decoded into a String and then parsed as
     * characters), with the labels its actor holds on the day.
     */
    record StoredPlace(UUID actorId, byte[] place, List<String> labels) {}

    /**
     * Opens the places of {@code scope} in name order; blocks, so call it from a worker thread, and close what it
     * returns (the connection goes back to the pool).
     *
     * @param today the day whose labels count as programmes
     * @param fetch rows a fetch ({@link #FETCH})
     */
    Places open(Scope scope, LocalDate today, int fetch) {
        String sql = "SELECT p.actor_id, convert_to(p.place::text, 'UTF8') AS place, ARRAY(SELECT g.label FROM "
                + scope.table("label_grants") + " g WHERE g.actor_id = p.actor_id AND g.valid_from <= $1"
                + " AND (g.valid_until IS NULL OR g.valid_until >= $1)) AS labels FROM " + scope.table("places") + " p "
                + "WHERE p.merged_into IS NULL AND p.closed_on IS NULL ORDER BY lower(p.name), p.actor_id";
        SqlConnection connection = await(pool.getConnection());
        Transaction transaction = null;
        try {
            transaction = await(connection.begin());
            await(connection.query(IN_INDEX_ORDER).execute());
            PreparedStatement statement = await(connection.prepare(sql));
            return new Places(connection, transaction, statement, statement.cursor(Tuple.of(today)), fetch);
        } catch (RuntimeException e) {
            try {
                release(connection, transaction, null);
            } catch (RuntimeException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw e;
        }
    }

    private static <T> T await(Uni<T> step) {
        return step.await().atMost(WAIT);
    }

    /** The rows of one export, a fetch at a time, the next fetch already asked for. Read by one thread. */
    static final class Places implements AutoCloseable {

        private final SqlConnection connection;
        private final Transaction transaction;
        private final PreparedStatement statement;
        private final Cursor cursor;
        private final int fetch;
        private CompletableFuture<RowSet<Row>> ahead;

        private Places(SqlConnection connection, Transaction transaction, PreparedStatement statement, Cursor cursor,
                       int fetch) {
            this.connection = connection;
            this.transaction = transaction;
            this.statement = statement;
            this.cursor = cursor;
            this.fetch = fetch;
            this.ahead = read();
        }

        private CompletableFuture<RowSet<Row>> read() {
            return cursor.read(fetch).subscribeAsCompletionStage();
        }

        /** The next rows, waiting for them if they have not come yet; an empty list once all have been read. */
        List<StoredPlace> next() {
            if (ahead == null) {
                return List.of();
            }
            RowSet<Row> rows = await(Uni.createFrom().completionStage(ahead));
            // asked for before these rows are parsed and written, so that the database works meanwhile
            ahead = cursor.hasMore() ? read() : null;
            List<StoredPlace> places = new ArrayList<>(rows.size());
            for (Row row : rows) {
                places.add(new StoredPlace(row.getUUID("actor_id"), row.getBuffer("place").getBytes(),
                        Arrays.asList(row.getArrayOfStrings("labels"))));
            }
            return places;
        }

        /**
         * Ends the transaction and gives the connection back, whether or not every row was read. The fetch ahead is
         * waited for first (its rows dropped): sent after the rollback, it would reach the connection's next user. The
         * cursor is not closed on its own, the rollback ends it: closing it from this thread raced with that fetch,
         * which could then start the query again from its first row.
         */
        @Override
        public void close() {
            try {
                if (ahead != null) {
                    await(Uni.createFrom().completionStage(ahead).replaceWithVoid().onFailure().recoverWithNull());
                }
            } finally {
                release(connection, transaction, statement);
            }
        }
    }

    /** Each step even if the one before failed: the connection goes back to the pool in every case. */
    private static void release(SqlConnection connection, Transaction transaction, PreparedStatement statement) {
        Uni<Void> steps = Uni.createFrom().voidItem();
        if (statement != null) {
            steps = steps.call(() -> statement.close().onFailure().recoverWithNull());
        }
        if (transaction != null) {
            steps = steps.call(() -> transaction.rollback().onFailure().recoverWithNull());
        }
        await(steps.eventually(connection::close));
    }
}
