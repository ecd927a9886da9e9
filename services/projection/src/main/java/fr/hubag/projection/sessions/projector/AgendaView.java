package fr.hubag.projection.sessions.projector;

import fr.hubag.contracts.sessions.Attendance;
import fr.hubag.contracts.sessions.SessionEvent.SessionRescheduled;
import fr.hubag.contracts.sessions.SessionEvent.SessionScheduled;
import fr.hubag.projection.shared.batch.Statement;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The sessions' plan, seats and attendance: {@code session_agenda}, {@code session_seats},
 * {@code session_attendance}. Seat counts are recounted from the seats after each change rather than incremented,
 * so applying an event twice gives the same row (replays, the handover of a rebuild).
 */
@ApplicationScoped
public class AgendaView {

    Statement scheduled(String schema, SessionScheduled s, long version) {
        Object[] values = {s.sessionId(), s.territory().name(), s.actorId(), s.type().code(), s.title(),
                s.themes().stream().map(t -> t.code()).toArray(String[]::new),
                s.level() == null ? null : s.level().code(), s.venue().placeType().code(), s.venue().actorId(),
                s.venue().communeInseeCode(), s.localStart(), s.localStart().toLocalDate(), s.zone(),
                s.startsAt().atOffset(ZoneOffset.UTC), s.durationMinutes(), s.capacity(), version};
        return new Statement("INSERT INTO " + schema + ".session_agenda (session_id, territory, actor_id, type, "
                + "title, themes, level, place_type, venue_actor_id, commune_insee_code, local_start, local_date, "
                + "zone, starts_at, duration_minutes, capacity, status, version) VALUES ($1, $2, $3, $4, $5, $6, $7, "
                + "$8, $9, $10, $11, $12, $13, $14, $15, $16, 'scheduled', $17) ON CONFLICT (session_id) DO NOTHING",
                Tuple.wrap(values));
    }

    Statement rescheduled(String schema, SessionRescheduled r, long version) {
        return new Statement("UPDATE " + schema + ".session_agenda SET local_start = $2, local_date = $3, "
                + "starts_at = $4, duration_minutes = $5, version = $6 WHERE session_id = $1 AND version < $6",
                Tuple.wrap(new Object[] {r.sessionId(), r.localStart(), r.localStart().toLocalDate(),
                        r.startsAt().atOffset(ZoneOffset.UTC), r.durationMinutes(), version}));
    }

    Statement status(String schema, UUID sessionId, String status, long version) {
        return new Statement("UPDATE " + schema + ".session_agenda SET status = $2, version = $3 "
                + "WHERE session_id = $1 AND version < $3", Tuple.of(sessionId, status, version));
    }

    /** A beneficiary takes a seat ({@code seated}) or a place on the waiting list, then the counts follow. */
    List<Statement> seat(String schema, UUID sessionId, UUID beneficiaryId, boolean seated) {
        return List.of(new Statement("INSERT INTO " + schema + ".session_seats (session_id, beneficiary_id, seated) "
                        + "VALUES ($1, $2, $3) ON CONFLICT (session_id, beneficiary_id) DO UPDATE SET seated = $3",
                        Tuple.of(sessionId, beneficiaryId, seated)),
                recount(schema, sessionId));
    }

    List<Statement> withdrew(String schema, UUID sessionId, UUID beneficiaryId) {
        return List.of(new Statement("DELETE FROM " + schema + ".session_seats WHERE session_id = $1 "
                        + "AND beneficiary_id = $2", Tuple.of(sessionId, beneficiaryId)),
                recount(schema, sessionId));
    }

    /** The participant's attendance, unless a later record of it is already there. */
    Statement attendance(String schema, UUID sessionId, UUID beneficiaryId, Attendance attendance, long version) {
        return new Statement("INSERT INTO " + schema + ".session_attendance (session_id, beneficiary_id, attendance, "
                + "version) VALUES ($1, $2, $3, $4) ON CONFLICT (session_id, beneficiary_id) DO UPDATE SET "
                + "attendance = $3, version = $4 WHERE " + schema + ".session_attendance.version < $4",
                Tuple.of(sessionId, beneficiaryId, attendance.code(), version));
    }

    /** An erased person's id is replaced by {@code replacement} in seats and attendance: the counts stay. */
    List<Statement> erased(String schema, UUID beneficiaryId, UUID replacement) {
        return List.of(new Statement("UPDATE " + schema + ".session_seats SET beneficiary_id = $2 "
                        + "WHERE beneficiary_id = $1", Tuple.of(beneficiaryId, replacement)),
                new Statement("UPDATE " + schema + ".session_attendance SET beneficiary_id = $2 "
                        + "WHERE beneficiary_id = $1", Tuple.of(beneficiaryId, replacement)));
    }

    private static Statement recount(String schema, UUID sessionId) {
        return new Statement("UPDATE " + schema + ".session_agenda a SET "
                + "enrolled = (SELECT count(*) FROM " + schema + ".session_seats s WHERE s.session_id = $1 AND s.seated), "
                + "waiting = (SELECT count(*) FROM " + schema + ".session_seats s WHERE s.session_id = $1 "
                + "AND NOT s.seated) WHERE a.session_id = $1", Tuple.of(sessionId));
    }
}
