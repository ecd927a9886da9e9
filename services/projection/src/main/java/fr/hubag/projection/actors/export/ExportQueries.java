package fr.hubag.projection.actors.export;

import fr.hubag.projection.shared.Scope;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Streams the open, non-merged places of a scope as stored, with their labels, through a server-side cursor (rows
 * fetched 500 at a time, one read snapshot), so a whole territory is exported without holding it in memory;
 * {@link StandardExport} makes them standard rows on its worker thread. The connection goes back to the pool however
 * the stream ends (done, failed, or the client gone).
 */
@ApplicationScoped
public class ExportQueries {

    static final int FETCH = 500;

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

    private record Held(SqlConnection connection, Transaction transaction) {}

    /**
     * A place as stored, its JSON as UTF-8 bytes (read as bytes, not decoded into a String and then parsed as
     * characters), with the labels its actor holds on the day.
     */
    record StoredPlace(UUID actorId, byte[] place, List<String> labels) {}

    /** @param today the day whose labels count as programmes */
    Multi<StoredPlace> openPlaces(Scope scope, LocalDate today) {
        String sql = "SELECT p.actor_id, convert_to(p.place::text, 'UTF8') AS place, ARRAY(SELECT g.label FROM "
                + scope.table("label_grants") + " g WHERE g.actor_id = p.actor_id AND g.valid_from <= $1"
                + " AND (g.valid_until IS NULL OR g.valid_until >= $1)) AS labels FROM " + scope.table("places") + " p "
                + "WHERE p.merged_into IS NULL AND p.closed_on IS NULL ORDER BY lower(p.name), p.actor_id";
        return Multi.createFrom().resourceFromUni(
                        () -> pool.getConnection().flatMap(connection -> connection.begin()
                                .call(() -> connection.query(IN_INDEX_ORDER).execute())
                                .map(transaction -> new Held(connection, transaction))
                                .onFailure().call(connection::close)),
                        held -> held.connection().prepare(sql).toMulti().flatMap(statement -> statement
                                .createStream(FETCH, Tuple.of(today)).toMulti()
                                .onTermination().call((failure, cancelled) -> statement.close())))
                .withFinalizer(ExportQueries::release)
                .map(row -> new StoredPlace(row.getUUID("actor_id"), row.getBuffer("place").getBytes(),
                        Arrays.asList(row.getArrayOfStrings("labels"))));
    }

    private static Uni<Void> release(Held held) {
        return held.transaction().rollback().onFailure().recoverWithNull()
                .eventually(() -> held.connection().close());
    }
}
