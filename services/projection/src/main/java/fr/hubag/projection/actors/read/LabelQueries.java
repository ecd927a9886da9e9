package fr.hubag.projection.actors.read;

import fr.hubag.projection.shared.Cursor;
import fr.hubag.projection.shared.Page;
import fr.hubag.projection.shared.Scope;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * "Who holds label L on D" and "what does actor A hold on D", from {@code label_grants} with the shared definition
 * of holding ({@link Sql#held}). The first lists open, non-merged places only, as the statistics count them.
 */
@ApplicationScoped
public class LabelQueries {

    private final Pool pool;

    public LabelQueries(Pool pool) {
        this.pool = pool;
    }

    /** The holders and how many they are (up to {@link NameOrder#COUNT_CAP}), as the directory counts. */
    public record Holders(Page<LabelledActors.Item> page, int total, boolean totalCapped) {}

    /**
     * The open places holding {@code label} on {@code on}, in name order, a page after {@code after}: the directory's
     * listing filtered on the label, each with the grant that covers the day (the longest, as {@link Sql} shows).
     */
    public Uni<Holders> holders(Scope scope, String label, LocalDate on, Cursor after, int size) {
        PlaceFilter.Where where = new PlaceFilter(null, null, null, null, null, label, null, null, false, on)
                .where(scope, false);
        List<Object> params = new ArrayList<>(where.params());
        String page = NameOrder.page(where, params, after, size + 1, 0);
        String counted = NameOrder.count(where, params);
        String sql = "WITH found AS (" + page + "), counted AS (" + counted + ") SELECT p.actor_id, f.sort_name, "
                + "p.territory, p.name, p.commune_name, p.insee_code, p.postcode, g.valid_from, g.valid_until, "
                + "c.total FROM counted c LEFT JOIN (found f JOIN " + scope.table("places")
                + " p ON p.actor_id = f.actor_id CROSS JOIN LATERAL (SELECT h.valid_from, h.valid_until FROM ("
                + Sql.coveringGrants(scope, "p.actor_id", "$1") + ") h WHERE h.label = $2) g) ON true "
                + "ORDER BY f.sort_name, f.actor_id";
        return pool.preparedQuery(sql).execute(Tuple.from(params)).map(rows -> {
            List<LabelledActors.Item> items = new ArrayList<>(rows.size());
            List<Cursor> keys = new ArrayList<>(rows.size());
            long total = 0;
            for (Row row : rows) {
                total = row.getLong("total");
                if (row.getUUID("actor_id") != null) {
                    items.add(new LabelledActors.Item(row.getUUID("actor_id"), row.getString("territory"),
                            row.getString("name"), Sql.commune(row), row.getLocalDate("valid_from"),
                            row.getLocalDate("valid_until")));
                    keys.add(new Cursor(row.getString("sort_name"), row.getUUID("actor_id")));
                }
            }
            return new Holders(NameOrder.trimmed(items, keys, size), (int) Math.min(total, NameOrder.COUNT_CAP),
                    total > NameOrder.COUNT_CAP);
        });
    }

    public Uni<ActorLabels> of(Scope scope, UUID actorId, LocalDate on) {
        return pool.preparedQuery(Sql.coveringGrants(scope, "$1", "$2"))
                .execute(Tuple.of(actorId, on))
                .map(rows -> {
                    List<LabelPeriod> labels = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        labels.add(new LabelPeriod(row.getString("label"), row.getLocalDate("valid_from"),
                                row.getLocalDate("valid_until")));
                    }
                    return new ActorLabels(actorId, on, labels);
                });
    }
}
