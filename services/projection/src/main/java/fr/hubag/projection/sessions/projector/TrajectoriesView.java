package fr.hubag.projection.sessions.projector;

import fr.hubag.contracts.sessions.ActivityParticipant;
import fr.hubag.contracts.sessions.Attendance;
import fr.hubag.contracts.sessions.BeneficiaryEvent.BeneficiaryRegistered;
import fr.hubag.contracts.sessions.SessionEvent.ActivityRecorded;
import fr.hubag.contracts.sessions.SessionEvent.AttendanceRecorded;
import fr.hubag.projection.shared.batch.Statement;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The trajectory of each pseudonymous beneficiary: the activities they took part in ({@code trajectory_contacts})
 * and what those add up to ({@code trajectories}: first contact, sessions, themes, autonomy, sessions and days to
 * the first {@code autonome}). A person's row is recounted from their contacts after each change instead of being
 * incremented, so an event applied twice gives the same row; and every event's statements end with that recount,
 * so whatever the order of a round's statements, the last recount of a person sees all their contacts.
 *
 * <p>A scheduled session counts its participants as their attendance is recorded (those {@code seen}), then its
 * {@code ActivityRecorded} (same id) replaces those rows when it is completed: the activity statistics and the
 * trajectories read the same fact.
 */
@ApplicationScoped
public class TrajectoriesView {

    /**
     * Recounts the people {@code who} selects (a SELECT of beneficiary ids, its parameter $2) from their counted
     * contacts, in one pass over each person's rows (numbered in time order: local date, then when recorded, then
     * id); $1 is the territory of a row not there yet. Theme codes hold no comma, so a person's themes travel as
     * one string until they are made distinct.
     */
    private static String recount(String schema, String who) {
        return "INSERT INTO " + schema + ".trajectories AS t (beneficiary_id, territory, first_contact, last_contact, "
                + "sessions, themes, last_autonomy, autonomous_on, sessions_to_autonomy, days_to_autonomy) "
                + "SELECT b.id, $1::text, s.first, s.last, s.n, coalesce((SELECT array_agg(DISTINCT th ORDER BY th) "
                + "FROM unnest(string_to_array(s.themes, ',')) th WHERE th <> ''), '{}'), s.last_autonomy, "
                + "s.autonomous_on, s.to_autonomy, s.autonomous_on - s.first FROM (" + who + ") b(id) "
                + "CROSS JOIN LATERAL (SELECT min(w.date) AS first, max(w.date) AS last, count(*)::int AS n, "
                + "string_agg(array_to_string(w.themes, ','), ',') AS themes, (array_agg(w.autonomy ORDER BY w.rn "
                + "DESC) FILTER (WHERE w.autonomy IS NOT NULL))[1] AS last_autonomy, min(w.date) FILTER (WHERE "
                + "w.autonomy = 'autonome') AS autonomous_on, min(w.rn) FILTER (WHERE w.autonomy = 'autonome') "
                + "AS to_autonomy FROM (SELECT c.date, c.themes, c.autonomy, row_number() OVER (ORDER BY c.date, "
                + "c.occurred_at, c.activity_id)::int AS rn FROM " + schema + ".trajectory_contacts c "
                + "WHERE c.beneficiary_id = b.id AND c.counted) w) s "
                + "ON CONFLICT (beneficiary_id) DO UPDATE SET first_contact = EXCLUDED.first_contact, "
                + "last_contact = EXCLUDED.last_contact, sessions = EXCLUDED.sessions, themes = EXCLUDED.themes, "
                + "last_autonomy = EXCLUDED.last_autonomy, autonomous_on = EXCLUDED.autonomous_on, "
                + "sessions_to_autonomy = EXCLUDED.sessions_to_autonomy, days_to_autonomy = EXCLUDED.days_to_autonomy";
    }

    /**
     * The activity's last record names its people: the rows of an earlier record stop counting, those it names
     * count with their autonomy, then everyone the activity ever named is recounted. An older record applied after
     * a newer one changes nothing ({@code activities} holds the newer version: ActivitiesView ran first).
     */
    List<Statement> recorded(String schema, ActivityRecorded a, long version) {
        String current = "EXISTS (SELECT 1 FROM " + schema + ".activities x WHERE x.activity_id = $1 "
                + "AND x.version = $2)";
        String contacts = schema + ".trajectory_contacts";
        UUID[] ids = a.participants().stream().map(ActivityParticipant::beneficiaryId).toArray(UUID[]::new);
        String[] autonomies = a.participants().stream()
                .map(p -> p.autonomy() == null ? null : p.autonomy().code()).toArray(String[]::new);
        String[] themes = a.themes().stream().map(t -> t.code()).toArray(String[]::new);
        return List.of(
                new Statement("UPDATE " + contacts + " SET counted = false, version = $2 WHERE activity_id = $1 "
                        + "AND version < $2 AND " + current, Tuple.of(a.activityId(), version)),
                new Statement("INSERT INTO " + contacts + " AS c (beneficiary_id, activity_id, origin, type, date, "
                        + "occurred_at, duration_minutes, themes, autonomy, counted, version) SELECT p.id, $1::uuid, "
                        + "$3::text, $4::text, $5::date, $6::timestamptz, $7::int, $8::text[], p.autonomy, true, "
                        + "$2::bigint FROM unnest($9::uuid[], $10::text[]) AS p(id, autonomy) "
                        + "WHERE " + current + " ON CONFLICT (beneficiary_id, activity_id) DO UPDATE SET "
                        + "origin = EXCLUDED.origin, type = EXCLUDED.type, date = EXCLUDED.date, "
                        + "occurred_at = EXCLUDED.occurred_at, duration_minutes = EXCLUDED.duration_minutes, "
                        + "themes = EXCLUDED.themes, autonomy = EXCLUDED.autonomy, counted = true, "
                        + "version = EXCLUDED.version WHERE c.version <= EXCLUDED.version",
                        Tuple.wrap(Arrays.asList(a.activityId(), version, a.origin().code(), a.type().code(), a.date(),
                                utc(a.occurredAt()), a.durationMinutes(), themes, ids, autonomies))),
                new Statement(recount(schema, "SELECT beneficiary_id FROM " + contacts
                        + " WHERE activity_id = $2"), Tuple.of(a.territory().name(), a.activityId())));
    }

    /**
     * A participant's attendance at a scheduled session not yet completed: a contact on the session's local date,
     * counted when {@code seen}, with the autonomy assessed; a later record replaces it. Once the session's
     * activity is recorded, the activity's record is the one that counts.
     */
    List<Statement> attendance(String schema, String territory, AttendanceRecorded a, long version) {
        String contacts = schema + ".trajectory_contacts";
        return List.of(
                new Statement("INSERT INTO " + contacts + " AS c (beneficiary_id, activity_id, origin, type, date, "
                        + "occurred_at, duration_minutes, themes, autonomy, counted, version) SELECT $2::uuid, "
                        + "s.session_id, 'session', s.type, s.local_date, $3::timestamptz, s.duration_minutes, s.themes, "
                        + "$4::text, $5::boolean, $6::bigint FROM "
                        + schema + ".session_agenda s WHERE s.session_id = $1 AND NOT EXISTS (SELECT 1 FROM " + schema
                        + ".activities x WHERE x.activity_id = $1) ON CONFLICT (beneficiary_id, activity_id) DO UPDATE "
                        + "SET occurred_at = EXCLUDED.occurred_at, autonomy = EXCLUDED.autonomy, "
                        + "counted = EXCLUDED.counted, version = EXCLUDED.version WHERE c.version < EXCLUDED.version",
                        Tuple.wrap(Arrays.asList(a.sessionId(), a.beneficiaryId(), utc(a.occurredAt()),
                                a.autonomy() == null ? null : a.autonomy().code(),
                                a.attendance() == Attendance.SEEN, version))),
                new Statement(recount(schema, "SELECT $2::uuid"), Tuple.of(territory, a.beneficiaryId())));
    }

    /** The person's registration: the census actor that registered them, and when. */
    List<Statement> registered(String schema, BeneficiaryRegistered b) {
        return List.of(new Statement("INSERT INTO " + schema + ".trajectories (beneficiary_id, territory, actor_id, "
                + "registered_at) VALUES ($1, $2, $3, $4) ON CONFLICT (beneficiary_id) DO UPDATE SET "
                + "territory = $2, actor_id = $3, registered_at = $4",
                Tuple.of(b.beneficiaryId(), b.territory().name(), b.actorId(), utc(b.occurredAt()))));
    }

    /** The person was erased: marked so, their pseudonymous history stays (nothing in it is personal). */
    List<Statement> erased(String schema, String territory, UUID beneficiaryId, Instant at) {
        return List.of(new Statement("INSERT INTO " + schema + ".trajectories (beneficiary_id, territory, erased_at) "
                + "VALUES ($1, $2, $3) ON CONFLICT (beneficiary_id) DO UPDATE SET erased_at = $3",
                Tuple.of(beneficiaryId, territory, utc(at))));
    }

    static java.time.OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
