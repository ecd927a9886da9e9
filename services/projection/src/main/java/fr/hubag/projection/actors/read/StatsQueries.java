package fr.hubag.projection.actors.read;

import fr.hubag.projection.shared.Scope;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A scope's figures in one statement (one snapshot, so the parts add up). Places are counted as they are now (the
 * model keeps no history of closures); labels and aidants as on the day asked. Merged actors count nowhere.
 */
@ApplicationScoped
public class StatsQueries {

    private final Pool pool;

    public StatsQueries(Pool pool) {
        this.pool = pool;
    }

    public Uni<Stats> of(Scope scope, LocalDate on) {
        String sql = "WITH live AS (SELECT actor_id, typologies, closed_on FROM " + scope.table("places")
                + " WHERE merged_into IS NULL), "
                + "open AS (SELECT actor_id, typologies FROM live WHERE closed_on IS NULL), "
                + "held AS (SELECT DISTINCT g.actor_id, g.label FROM " + scope.table("label_grants")
                + " g JOIN open o ON o.actor_id = g.actor_id WHERE " + Sql.held("g", "$1") + "), "
                + "active AS (SELECT a.aidant_id FROM " + scope.table("aidants") + " a JOIN open o "
                + "ON o.actor_id = a.actor_id WHERE a.enrolled_on <= $1 AND (a.departed_on IS NULL "
                + "OR a.departed_on >= $1)) "
                + "SELECT (SELECT count(*) FROM open) AS open, "
                + "(SELECT count(*) FROM live WHERE closed_on IS NOT NULL) AS closed, "
                + "(SELECT coalesce(json_object_agg(t, n ORDER BY t), '{}'::json) FROM (SELECT t, count(*) AS n "
                + "FROM open, unnest(open.typologies) AS t GROUP BY t) x) AS by_typology, "
                + "(SELECT count(DISTINCT actor_id) FROM held) AS labelled, "
                + "(SELECT coalesce(json_object_agg(label, n ORDER BY label), '{}'::json) FROM (SELECT label, "
                + "count(*) AS n FROM held GROUP BY label) y) AS by_label, "
                + "(SELECT count(*) FROM active) AS active, "
                + "(SELECT count(*) FROM active x WHERE EXISTS (SELECT 1 FROM " + scope.table("aidant_trainings")
                + " t WHERE t.aidant_id = x.aidant_id AND t.completed_on <= $1)) AS trained";
        return pool.preparedQuery(sql).execute(Tuple.of(on)).map(rows -> {
            Row row = rows.iterator().next();
            return new Stats(scope.name(), on,
                    new Stats.Actors(row.getLong("open"), row.getLong("closed"), counts(row.getValue("by_typology"))),
                    new Stats.Labelled(row.getLong("labelled"), counts(row.getValue("by_label"))),
                    new Stats.Aidants(row.getLong("active"), row.getLong("trained")));
        });
    }

    private static Map<String, Long> counts(Object json) {
        JsonObject object = json instanceof JsonObject o ? o : new JsonObject(String.valueOf(json));
        Map<String, Long> counts = new LinkedHashMap<>();
        object.forEach(entry -> counts.put(entry.getKey(), ((Number) entry.getValue()).longValue()));
        return counts;
    }
}
