package fr.hubag.projection.actors.read;

import fr.hubag.projection.shared.Cursor;
import fr.hubag.projection.shared.Page;
import fr.hubag.projection.shared.Scope;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads the {@code places} model of one scope: the directory search (count and page from one snapshot, so they
 * agree), one place, and what an actor id stands for (present, absorbed by a merge, unknown).
 */
@ApplicationScoped
public class DirectoryQueries {

    /** What an actor id is in a scope. */
    public sealed interface Status {
        record Present(UUID actorId, String territory) implements Status {}

        record Merged(UUID actorId, UUID survivorId) implements Status {}

        record Unknown(UUID actorId) implements Status {}
    }

    /** The statements of a free-text search see the same rows. */
    private static final String ONE_SNAPSHOT = "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY";

    private final Pool pool;
    private final TextSearch text;

    public DirectoryQueries(Pool pool, TextSearch text) {
        this.pool = pool;
        this.text = text;
    }

    /** A page of the directory and how many places match: exact up to {@link NameOrder#COUNT_CAP}. */
    public record Found(Page<PlaceSummary> page, long total, boolean totalCapped) {}

    /**
     * The places of {@code filter} in name order: after {@code after} when given, else {@code skip} rows in. The page
     * and the count come from one snapshot, each from an index in name order, none sorting every match; the count
     * stops past the cap. Words asked without a label are found by {@link TextSearch}, in one repeatable-read
     * transaction.
     */
    public Uni<Found> search(Scope scope, PlaceFilter filter, Cursor after, long skip, int size) {
        if (filter.textQuery() != null && filter.label() == null && skip == 0) {
            return pool.withTransaction(conn -> conn.query(ONE_SNAPSHOT).execute()
                    .chain(() -> text.find(conn, scope, filter, after, size + 1))
                    .chain(slice -> slice.isPresent() ? found(conn, scope, filter, slice.get(), size)
                            : listed(conn, scope, filter, after, 0, size)));
        }
        return listed(pool, scope, filter, after, skip, size);
    }

    /** The page and count of a plain listing, from one statement. */
    private static Uni<Found> listed(SqlClient client, Scope scope, PlaceFilter filter, Cursor after, long skip,
                                     int size) {
        PlaceFilter.Where where = filter.where(scope, false);
        List<Object> params = new ArrayList<>(where.params());
        String page = NameOrder.page(where, params, after, size + 1, skip);
        String counted = NameOrder.count(where, params);
        return read(client, scope, page, counted, params, size);
    }

    /** The page and count of the matches {@link TextSearch} found, the page in name order. */
    private static Uni<Found> found(SqlClient client, Scope scope, PlaceFilter filter, TextSearch.Slice slice,
                                    int size) {
        List<Object> params = new ArrayList<>(List.of(filter.on(), slice.page().toArray(UUID[]::new), size + 1,
                slice.total()));
        String page = "SELECT p.actor_id, lower(p.name) AS sort_name FROM " + scope.table("places")
                + " p WHERE p.actor_id = ANY($2::uuid[]) ORDER BY lower(p.name), p.actor_id LIMIT $3";
        return read(client, scope, page, "SELECT $4::bigint AS total", params, size);
    }

    private static Uni<Found> read(SqlClient client, Scope scope, String page, String counted, List<Object> params,
                                   int size) {
        // the page is chosen on narrow rows (id, sort key), then only its rows are read whole, with labels; the
        // count's row is there even when the page is empty
        String sql = "WITH found AS (" + page + "), counted AS (" + counted + ") SELECT " + Sql.PLACE_COLUMNS
                + ", f.sort_name, c.total, " + Sql.labelsHeld(scope, "$1") + " AS labels FROM counted c LEFT JOIN "
                + "(found f JOIN " + scope.table("places") + " p ON p.actor_id = f.actor_id) ON true "
                + "ORDER BY f.sort_name, f.actor_id";
        return client.preparedQuery(sql).execute(Tuple.from(params)).map(rows -> {
            List<PlaceSummary> items = new ArrayList<>();
            List<Cursor> keys = new ArrayList<>();
            long total = 0;
            for (Row row : rows) {
                total = row.getLong("total");
                if (row.getUUID("actor_id") != null) {
                    items.add(summary(row));
                    keys.add(new Cursor(row.getString("sort_name"), row.getUUID("actor_id")));
                }
            }
            return new Found(NameOrder.trimmed(items, keys, size), Math.min(total, NameOrder.COUNT_CAP),
                    total > NameOrder.COUNT_CAP);
        });
    }

    public Uni<Status> status(Scope scope, UUID actorId) {
        return pool.preparedQuery("SELECT territory, merged_into FROM " + scope.table("places")
                        + " WHERE actor_id = $1")
                .execute(Tuple.of(actorId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return new Status.Unknown(actorId);
                    }
                    Row row = rows.iterator().next();
                    UUID survivor = row.getUUID("merged_into");
                    return survivor == null ? new Status.Present(actorId, row.getString("territory"))
                            : new Status.Merged(actorId, survivor);
                });
    }

    /** One place that is not merged (its labels as on {@code on}); null when there is none. */
    public Uni<PlaceDetail> place(Scope scope, UUID actorId, LocalDate on) {
        return pool.preparedQuery("SELECT " + Sql.PLACE_COLUMNS + ", " + Sql.labelsHeld(scope, "$2")
                        + " AS labels FROM "
                        + scope.table("places") + " p WHERE p.actor_id = $1 AND p.merged_into IS NULL")
                .execute(Tuple.of(actorId, on))
                .map(rows -> rows.size() == 0 ? null : detail(rows.iterator().next()));
    }

    static PlaceSummary summary(Row row) {
        JsonObject place = Sql.json(row, "place");
        return new PlaceSummary(row.getUUID("actor_id"), row.getString("territory"), row.getString("name"),
                Sql.list(row, "typologies"), Sql.commune(row), row.getString("address"), row.getDouble("latitude"),
                row.getDouble("longitude"), place.getString("phone"), Sql.list(place, "emails"),
                Sql.list(place, "websites"), place.getString("openingHours"), Sql.list(row, "services"),
                Sql.list(row, "publics"), Sql.list(row, "access_modes"), Sql.list(row, "support_modes"),
                Sql.list(row, "fees"), Sql.list(row, "programmes"), Sql.labelPeriods(row.getValue("labels")),
                row.getLocalDate("closed_on"));
    }

    private static PlaceDetail detail(Row row) {
        PlaceSummary s = summary(row);
        JsonObject place = Sql.json(row, "place");
        return new PlaceDetail(s.actorId(), s.territory(), s.name(), s.typologies(), s.commune(), s.address(),
                s.latitude(), s.longitude(), s.phone(), s.emails(), s.websites(), s.openingHours(), s.services(),
                s.publics(), s.accessModes(), s.supportModes(), s.fees(), s.programmes(), s.labels(), s.closedOn(),
                place.getString("pivot"), place.getString("addressComplement"), place.getString("summary"),
                place.getString("description"), place.getString("source"), Sql.list(place, "itinerance"),
                place.getString("parentStructure"), Sql.date(place.getString("updatedOn")),
                Sql.list(place, "specificSupport"), Sql.list(place, "trainingLabels"),
                Sql.list(place, "otherTrainingLabels"), place.getString("accesLibreUrl"),
                place.getString("appointmentUrl"));
    }
}
