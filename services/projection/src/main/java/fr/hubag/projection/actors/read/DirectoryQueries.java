package fr.hubag.projection.actors.read;

import fr.hubag.projection.shared.Scope;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads the {@code places} model of one scope: the directory search (total and page from one statement, so they
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

    private final Pool pool;

    public DirectoryQueries(Pool pool) {
        this.pool = pool;
    }

    public Uni<DirectoryPage> search(Scope scope, PlaceFilter filter, int page, int size) {
        PlaceFilter.Where where = filter.where(scope, false);
        int limit = where.next();
        long offset = (long) page * size;
        // the page is chosen on narrow rows (id, sort key, total), then only its rows are read whole, with labels
        String sql = "WITH found AS (SELECT p.actor_id, lower(p.name) AS sort_name, count(*) OVER () AS total FROM "
                + scope.table("places") + " p WHERE " + where.sql() + " ORDER BY lower(p.name), p.actor_id LIMIT $"
                + limit + " OFFSET $" + (limit + 1) + ") SELECT " + Sql.PLACE_COLUMNS + ", f.total, "
                + Sql.labelsHeld(scope, "$1") + " AS labels FROM found f JOIN " + scope.table("places")
                + " p ON p.actor_id = f.actor_id ORDER BY f.sort_name, f.actor_id";
        return pool.preparedQuery(sql).execute(Tuple.from(where.with(size, offset))).flatMap(rows -> {
            List<PlaceSummary> items = new ArrayList<>();
            long total = 0;
            for (Row row : rows) {
                items.add(summary(row));
                total = row.getLong("total");
            }
            if (!items.isEmpty() || page == 0) {
                return Uni.createFrom().item(new DirectoryPage(total, page, size, items));
            }
            // past the last page: no row carries the total, so count ($1 named for PostgreSQL to type it)
            return pool.preparedQuery("SELECT count(*) FROM " + scope.table("places") + " p WHERE " + where.sql()
                            + " AND $1::date IS NOT NULL")
                    .execute(Tuple.from(where.params()))
                    .map(counted -> new DirectoryPage(counted.iterator().next().getLong(0), page, size, items));
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
