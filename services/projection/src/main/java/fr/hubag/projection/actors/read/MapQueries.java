package fr.hubag.projection.actors.read;

import fr.hubag.projection.shared.Cursor;
import fr.hubag.projection.shared.Page;
import fr.hubag.projection.shared.Scope;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * The places map: open, non-merged places that have coordinates, with the directory's filters. Only the columns a
 * feature shows are read (not the whole place), a page at a time in name order (keyset, {@link NameOrder}).
 */
@ApplicationScoped
public class MapQueries {

    private final Pool pool;

    public MapQueries(Pool pool) {
        this.pool = pool;
    }

    /** Up to {@code size} features in name order, after {@code after} when given. */
    public Uni<Page<GeoJson.Feature>> places(Scope scope, PlaceFilter filter, Cursor after, int size) {
        PlaceFilter open = new PlaceFilter(filter.textQuery(), filter.inseeCode(), filter.communeKey(),
                filter.service(), filter.publicValue(), filter.label(), filter.modality(), filter.typology(), false,
                filter.on());
        PlaceFilter.Where where = open.where(scope, true);
        List<Object> params = new ArrayList<>(where.params());
        String sql = "SELECT p.actor_id, f.sort_name, p.name, p.commune_name, p.typologies, p.services, p.latitude, "
                + "p.longitude, ARRAY(SELECT h.label FROM (" + Sql.coveringGrants(scope, "p.actor_id", "$1")
                + ") h) AS labels FROM (" + NameOrder.page(where, params, after, size + 1, 0) + ") f JOIN "
                + scope.table("places") + " p ON p.actor_id = f.actor_id ORDER BY f.sort_name, f.actor_id";
        return pool.preparedQuery(sql).execute(Tuple.from(params)).map(rows -> {
            List<GeoJson.Feature> features = new ArrayList<>(rows.size());
            List<Cursor> keys = new ArrayList<>(rows.size());
            for (Row row : rows) {
                String id = row.getUUID("actor_id").toString();
                features.add(new GeoJson.Feature(id,
                        new GeoJson.Point(row.getDouble("longitude"), row.getDouble("latitude")),
                        new GeoJson.Properties(row.getUUID("actor_id"), row.getString("name"),
                                row.getString("commune_name"), Sql.list(row, "typologies"),
                                Sql.list(row, "services"), Sql.list(row, "labels"))));
                keys.add(new Cursor(row.getString("sort_name"), row.getUUID("actor_id")));
            }
            return NameOrder.trimmed(features, keys, size);
        });
    }
}
