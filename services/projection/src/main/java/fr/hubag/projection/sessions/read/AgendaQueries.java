package fr.hubag.projection.sessions.read;

import fr.hubag.projection.shared.Cursor;
import fr.hubag.projection.shared.Page;
import fr.hubag.projection.shared.Scope;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * The agenda: upcoming workshops (collective sessions neither cancelled nor completed, starting after now) of a
 * scope, in start order, a page at a time after a cursor (start instant, session id), so a deep page costs what the
 * first does. A workshop at a census actor takes that actor's commune from the directory of the same scope.
 */
@ApplicationScoped
public class AgendaQueries {

    private final Pool pool;

    public AgendaQueries(Pool pool) {
        this.pool = pool;
    }

    public Uni<Page<AgendaItem>> upcoming(Scope scope, AgendaFilter filter, Cursor after, int size) {
        String commune = "coalesce(a.commune_insee_code, p.insee_code)";
        String sql = "SELECT a.*, " + commune + " AS commune FROM " + scope.table("session_agenda") + " a "
                + "LEFT JOIN " + scope.table("places") + " p ON p.actor_id = a.venue_actor_id "
                + "WHERE a.type = 'collectif' AND a.status = 'scheduled' AND a.starts_at > now() "
                + "AND a.local_date >= $1 AND ($2::date IS NULL OR a.local_date <= $2) "
                + "AND ($3::text IS NULL OR " + commune + " = $3) "
                + "AND ($4::text IS NULL OR a.themes @> ARRAY[$4::text]) AND ($5::text IS NULL OR a.level = $5) "
                + "AND ($6::timestamptz IS NULL OR (a.starts_at, a.session_id) > ($6, $7)) "
                + "ORDER BY a.starts_at, a.session_id LIMIT $8";
        Tuple params = Tuple.wrap(Arrays.asList(filter.from(), filter.to(), filter.commune(), filter.theme(),
                filter.level(), after == null ? null : Instant.parse(after.sortKey()).atOffset(ZoneOffset.UTC),
                after == null ? null : after.id(), size + 1));
        return pool.preparedQuery(sql).execute(params).map(rows -> Keyset.page(rows, size, AgendaQueries::item,
                last -> new Cursor(last.startsAt().toString(), last.sessionId())));
    }

    private static AgendaItem item(Row row) {
        int capacity = row.getInteger("capacity");
        int enrolled = row.getInteger("enrolled");
        LocalDateTime localStart = row.getLocalDateTime("local_start");
        OffsetDateTime startsAt = row.getOffsetDateTime("starts_at");
        return new AgendaItem(row.getUUID("session_id"), row.getString("territory"), row.getUUID("actor_id"),
                row.getString("title"), List.of(row.getArrayOfStrings("themes")), row.getString("level"),
                row.getString("place_type"), row.getUUID("venue_actor_id"), row.getString("commune"),
                localStart.toString(), localStart.toLocalDate(), row.getString("zone"), startsAt.toInstant(),
                row.getInteger("duration_minutes"), capacity, enrolled, Math.max(0, capacity - enrolled),
                row.getInteger("waiting"));
    }

    /** Whether a cursor's sort key is an instant this class wrote. */
    public static boolean validCursor(Cursor cursor) {
        try {
            Instant.parse(cursor.sortKey());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
