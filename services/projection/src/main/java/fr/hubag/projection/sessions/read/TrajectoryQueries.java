package fr.hubag.projection.sessions.read;

import fr.hubag.projection.shared.Cursor;
import fr.hubag.projection.shared.Page;
import fr.hubag.projection.shared.Scope;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The trajectories of a scope: a page at a time in pseudonymous id order after a cursor (the last id), so a deep page
 * costs what the first does; and one trajectory with its activities in time order. Only the rows of the territories
 * the caller may read ({@code territories}: one, or hub-wide those its token covers).
 */
@ApplicationScoped
public class TrajectoryQueries {

    private final Pool pool;

    public TrajectoryQueries(Pool pool) {
        this.pool = pool;
    }

    /**
     * @param actor the registering census actor, or null
     * @param autonomous true: those who reached autonomy, false: those who have not yet, null: all
     */
    public Uni<Page<Trajectory>> page(Scope scope, List<String> territories, UUID actor, Boolean autonomous,
                                      Cursor after, int size) {
        String sql = "SELECT * FROM " + scope.table("trajectories") + " WHERE territory = ANY($1) "
                + "AND ($2::uuid IS NULL OR actor_id = $2) "
                + "AND ($3::boolean IS NULL OR (autonomous_on IS NOT NULL) = $3) "
                + "AND ($4::uuid IS NULL OR beneficiary_id > $4) ORDER BY beneficiary_id LIMIT $5";
        Tuple params = Tuple.wrap(Arrays.asList(territories.toArray(String[]::new), actor, autonomous,
                after == null ? null : after.id(), size + 1));
        return pool.preparedQuery(sql).execute(params).map(rows -> Keyset.page(rows, size,
                TrajectoryQueries::trajectory, last -> new Cursor("", last.beneficiaryId())));
    }

    /** The person's trajectory and its steps; empty if the scope has none for them among {@code territories}. */
    public Uni<Optional<TrajectoryDetail>> one(Scope scope, List<String> territories, UUID beneficiaryId) {
        String[] readable = territories.toArray(String[]::new);
        return pool.preparedQuery("SELECT * FROM " + scope.table("trajectories") + " WHERE beneficiary_id = $1 "
                        + "AND territory = ANY($2)").execute(Tuple.of(beneficiaryId, readable))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(Optional.<TrajectoryDetail>empty());
                    }
                    Trajectory trajectory = trajectory(rows.iterator().next());
                    return pool.preparedQuery("SELECT * FROM " + scope.table("trajectory_contacts")
                                    + " WHERE beneficiary_id = $1 AND counted ORDER BY date, occurred_at, activity_id")
                            .execute(Tuple.of(beneficiaryId))
                            .map(steps -> {
                                List<TrajectoryStep> list = new ArrayList<>();
                                for (Row row : steps) {
                                    list.add(new TrajectoryStep(row.getUUID("activity_id"), row.getString("origin"),
                                            row.getString("type"), row.getLocalDate("date"),
                                            row.getInteger("duration_minutes"),
                                            List.of(row.getArrayOfStrings("themes")), row.getString("autonomy")));
                                }
                                return Optional.of(new TrajectoryDetail(trajectory, list));
                            });
                });
    }

    private static Trajectory trajectory(Row row) {
        OffsetDateTime registered = row.getOffsetDateTime("registered_at");
        return new Trajectory(row.getUUID("beneficiary_id"), row.getString("territory"), row.getUUID("actor_id"),
                registered == null ? null : registered.toInstant(), row.getValue("erased_at") != null,
                row.getLocalDate("first_contact"), row.getLocalDate("last_contact"), row.getInteger("sessions"),
                List.of(row.getArrayOfStrings("themes")), row.getString("last_autonomy"),
                row.getLocalDate("autonomous_on"), row.getInteger("sessions_to_autonomy"),
                row.getInteger("days_to_autonomy"));
    }

    /** Whether a cursor is one this class wrote (an id, no sort key). */
    public static boolean validCursor(Cursor cursor) {
        return cursor.sortKey().isEmpty();
    }
}
