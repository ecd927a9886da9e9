package fr.hubag.projection.sessions.read;

import fr.hubag.contracts.sessions.AgeBand;
import fr.hubag.contracts.sessions.Attendance;
import fr.hubag.contracts.sessions.Gender;
import fr.hubag.contracts.sessions.PlaceType;
import fr.hubag.contracts.sessions.SessionType;
import fr.hubag.contracts.sessions.SocialStatus;
import fr.hubag.contracts.sessions.Theme;
import fr.hubag.domain.Coded;
import fr.hubag.projection.shared.Scope;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scope's activity statistics in one statement (one snapshot, so the parts add up). Activities are the last
 * ActivityRecorded of each activity whose local date is in the range, whichever way it was recorded; attendance is
 * that of the sessions completed in the range. Beneficiary ids are joined on, never selected.
 */
@ApplicationScoped
public class ActivityStatsQueries {

    static final List<String> DURATIONS = List.of("0-30", "30-60", "60-120", "120+");

    private final Pool pool;

    public ActivityStatsQueries(Pool pool) {
        this.pool = pool;
    }

    public Uni<ActivityStats> of(Scope scope, LocalDate from, LocalDate to) {
        String activities = scope.table("activities");
        String participants = scope.table("activity_participants");
        String sql = "WITH act AS (SELECT * FROM " + activities + " WHERE date BETWEEN $1 AND $2), "
                + "named AS (SELECT p.age_band, p.social_status, p.gender FROM " + participants + " p "
                + "JOIN act ON act.activity_id = p.activity_id), "
                + "done AS (SELECT session_id FROM " + scope.table("session_agenda")
                + " WHERE status = 'completed' AND local_date BETWEEN $1 AND $2), "
                + "seen AS (SELECT x.attendance FROM " + scope.table("session_attendance")
                + " x JOIN done ON done.session_id = x.session_id) "
                + "SELECT (SELECT count(*) FROM act) AS total, "
                + counts("by_type", "SELECT type AS k, count(*) AS n FROM act GROUP BY type") + ", "
                + counts("by_theme", "SELECT t AS k, count(*) AS n FROM act, unnest(act.themes) AS t GROUP BY t")
                + ", " + counts("by_place", "SELECT place_type AS k, count(*) AS n FROM act GROUP BY place_type")
                + ", " + counts("by_duration", "SELECT CASE WHEN duration_minutes < 30 THEN '0-30' "
                + "WHEN duration_minutes < 60 THEN '30-60' WHEN duration_minutes < 120 THEN '60-120' ELSE '120+' "
                + "END AS k, count(*) AS n FROM act GROUP BY 1")
                + ", (SELECT coalesce(sum(named), 0) FROM act) AS named, "
                + "(SELECT coalesce(sum(anonymous_total), 0) FROM act) AS anonymous, "
                + "(SELECT coalesce(sum(already_accompanied), 0) FROM act) AS already, "
                + breakdown("by_age_band", "age_bands", "age_band") + ", "
                + breakdown("by_status", "social_statuses", "social_status") + ", "
                + breakdown("by_gender", "genders", "gender") + ", "
                + "(SELECT count(*) FROM done) AS completed, "
                + counts("by_attendance", "SELECT attendance AS k, count(*) AS n FROM seen GROUP BY attendance");
        return pool.preparedQuery(sql).execute(Tuple.of(from, to)).map(rows -> {
            Row row = rows.iterator().next();
            Map<String, Long> attendance = every(Attendance.class, row.getValue("by_attendance"));
            long attended = attendance.values().stream().mapToLong(Long::longValue).sum();
            long named = ((Number) row.getValue("named")).longValue();
            long anonymous = ((Number) row.getValue("anonymous")).longValue();
            return new ActivityStats(scope.name(), from, to,
                    new ActivityStats.Activities(row.getLong("total"), every(SessionType.class, row.getValue("by_type")),
                            every(Theme.class, row.getValue("by_theme")),
                            every(PlaceType.class, row.getValue("by_place")),
                            every(DURATIONS, row.getValue("by_duration"))),
                    new ActivityStats.Participants(named + anonymous, named, anonymous,
                            ((Number) row.getValue("already")).longValue(),
                            every(AgeBand.class, row.getValue("by_age_band")),
                            every(SocialStatus.class, row.getValue("by_status")),
                            every(Gender.class, row.getValue("by_gender"))),
                    new ActivityStats.AttendanceRates(row.getLong("completed"), attended, attendance,
                            rate(attendance.get(Attendance.SEEN.code()), attended),
                            rate(attendance.get(Attendance.NOSHOW.code()), attended)));
        });
    }

    /** A sub-query giving {k: n} as JSON ({} when empty). */
    private static String counts(String name, String grouped) {
        return "(SELECT coalesce(json_object_agg(k, n), '{}'::json) FROM (" + grouped + ") g) AS " + name;
    }

    /** Anonymous head counts (every code, in the event) plus one per named participant (non_communique if unknown). */
    private static String breakdown(String name, String anonymousColumn, String namedColumn) {
        return counts(name, "SELECT k, sum(n) AS n FROM (SELECT e.key AS k, e.value::bigint AS n FROM act, "
                + "jsonb_each_text(act." + anonymousColumn + ") AS e UNION ALL SELECT coalesce(" + namedColumn
                + ", 'non_communique'), 1 FROM named) u GROUP BY k");
    }

    private static <T extends Enum<T> & Coded> Map<String, Long> every(Class<T> type, Object json) {
        return every(List.of(Coded.codes(type)), json);
    }

    private static Map<String, Long> every(List<String> codes, Object json) {
        JsonObject object = json instanceof JsonObject o ? o : new JsonObject(String.valueOf(json));
        Map<String, Long> counts = new LinkedHashMap<>();
        codes.forEach(code -> counts.put(code, 0L));
        object.forEach(entry -> counts.put(entry.getKey(), ((Number) entry.getValue()).longValue()));
        return counts;
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10_000.0 / whole) / 10_000.0;
    }
}
