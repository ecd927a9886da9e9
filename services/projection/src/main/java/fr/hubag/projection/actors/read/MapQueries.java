package fr.hubag.projection.actors.read;

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
 * feature shows are read (not the whole place), so a territory's map stays one light query.
 */
@ApplicationScoped
public class MapQueries {

    private final Pool pool;

    public MapQueries(Pool pool) {
        this.pool = pool;
    }

    public Uni<GeoJson.FeatureCollection> places(Scope scope, PlaceFilter filter) {
        PlaceFilter open = new PlaceFilter(filter.textQuery(), filter.inseeCode(), filter.communeKey(),
                filter.service(), filter.publicValue(), filter.label(), filter.modality(), filter.typology(), false,
                filter.on());
        PlaceFilter.Where where = open.where(scope, true);
        String sql = "SELECT p.actor_id, p.name, p.commune_name, p.typologies, p.services, p.latitude, p.longitude, "
                + "ARRAY(SELECT h.label FROM (" + Sql.coveringGrants(scope, "p.actor_id", "$1") + ") h) AS labels "
                + "FROM " + scope.table("places") + " p WHERE " + where.sql() + " ORDER BY lower(p.name), p.actor_id";
        return pool.preparedQuery(sql).execute(Tuple.from(where.params())).map(rows -> {
            List<GeoJson.Feature> features = new ArrayList<>(rows.size());
            for (Row row : rows) {
                String id = row.getUUID("actor_id").toString();
                features.add(new GeoJson.Feature(id,
                        new GeoJson.Point(row.getDouble("longitude"), row.getDouble("latitude")),
                        new GeoJson.Properties(row.getUUID("actor_id"), row.getString("name"),
                                row.getString("commune_name"), Sql.list(row, "typologies"),
                                Sql.list(row, "services"), Sql.list(row, "labels"))));
            }
            return new GeoJson.FeatureCollection(features);
        });
    }
}
