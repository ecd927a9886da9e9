package fr.hubag.projection.actors.read;

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

    public Uni<LabelledActors> holders(Scope scope, String label, LocalDate on) {
        String sql = "SELECT p.actor_id, p.territory, p.name, p.commune_name, p.insee_code, p.postcode, "
                + "c.valid_from, c.valid_until FROM (SELECT DISTINCT ON (g.actor_id) g.actor_id, g.valid_from, "
                + "g.valid_until FROM " + scope.table("label_grants") + " g WHERE g.label = $1 AND "
                + Sql.held("g", "$2") + " ORDER BY g.actor_id, g.valid_until DESC NULLS FIRST) c JOIN "
                + scope.table("places") + " p ON p.actor_id = c.actor_id "
                + "WHERE p.merged_into IS NULL AND p.closed_on IS NULL ORDER BY lower(p.name), p.actor_id";
        return pool.preparedQuery(sql).execute(Tuple.of(label, on)).map(rows -> {
            List<LabelledActors.Item> items = new ArrayList<>(rows.size());
            for (Row row : rows) {
                items.add(new LabelledActors.Item(row.getUUID("actor_id"), row.getString("territory"),
                        row.getString("name"), Sql.commune(row), row.getLocalDate("valid_from"),
                        row.getLocalDate("valid_until")));
            }
            return new LabelledActors(label, on, items.size(), items);
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
