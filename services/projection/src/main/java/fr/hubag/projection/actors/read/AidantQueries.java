package fr.hubag.projection.actors.read;

import fr.hubag.projection.shared.Scope;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An actor's aidants with their trainings. The caller's right decides the view; the public one is built from the
 * same rows but keeps only name, role and a count, so the reduction cannot be forgotten in SQL.
 */
@ApplicationScoped
public class AidantQueries {

    private final Pool pool;

    public AidantQueries(Pool pool) {
        this.pool = pool;
    }

    /** @param today an aidant whose last day is before it has departed */
    public Uni<AidantList> of(Scope scope, UUID actorId, boolean includeDeparted, LocalDate today, boolean full) {
        String sql = "SELECT a.name, a.role, a.enrolled_on, a.departed_on, (SELECT coalesce(json_agg("
                + "json_build_object('title', t.title, 'provider', t.provider, 'hours', t.hours, 'completedOn', "
                + "t.completed_on) ORDER BY t.completed_on, t.title), '[]'::json) FROM "
                + scope.table("aidant_trainings") + " t WHERE t.aidant_id = a.aidant_id) AS trainings FROM "
                + scope.table("aidants") + " a WHERE a.actor_id = $1 AND ($2 OR a.departed_on IS NULL "
                + "OR a.departed_on >= $3) ORDER BY lower(a.name), a.aidant_id";
        return pool.preparedQuery(sql).execute(Tuple.of(actorId, includeDeparted, today)).map(rows -> {
            List<AidantList.Aidant> aidants = new ArrayList<>(rows.size());
            for (Row row : rows) {
                List<AidantList.Training> trainings = trainings(row.getValue("trainings"));
                aidants.add(full
                        ? new AidantList.Aidant(row.getString("name"), row.getString("role"),
                                row.getLocalDate("enrolled_on"), row.getLocalDate("departed_on"), trainings, null)
                        : new AidantList.Aidant(row.getString("name"), row.getString("role"), null, null, null,
                                trainings.size()));
            }
            return new AidantList(actorId, full ? AidantList.FULL : AidantList.PUBLIC, aidants);
        });
    }

    private static List<AidantList.Training> trainings(Object json) {
        JsonArray array = json instanceof JsonArray a ? a : new JsonArray(String.valueOf(json));
        List<AidantList.Training> trainings = new ArrayList<>(array.size());
        for (Object item : array) {
            JsonObject training = (JsonObject) item;
            trainings.add(new AidantList.Training(training.getString("title"), training.getString("provider"),
                    new BigDecimal(String.valueOf(training.getValue("hours"))),
                    Sql.date(training.getString("completedOn"))));
        }
        return trainings;
    }
}
