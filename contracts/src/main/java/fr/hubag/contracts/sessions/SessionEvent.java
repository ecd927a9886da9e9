package fr.hubag.contracts.sessions;

import fr.hubag.domain.Territory;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What happened to a session (an individual accompaniment or a collective workshop): the records the sessions
 * decider decides and folds, its store writes and every consumer of {@code sessions.events} reads. They are the
 * published contracts (contracts/events/sessions/*.json, checked both ways by the sessions service's
 * {@code SessionEventRecordsTest}). Participants are pseudonymous beneficiary ids: no personal data, ever.
 */
public sealed interface SessionEvent {

    UUID sessionId();

    Instant occurredAt();

    /**
     * A session was planned. {@code localStart} is the wall-clock time in the territory, {@code zone} its IANA zone
     * (kept on the session, so the local date stays the territory's), {@code startsAt} the same instant in UTC.
     * {@code actorId} is the census actor that runs it (the mediators' structure), {@code mediatorId} an aidant of
     * the census.
     */
    record SessionScheduled(UUID sessionId, Territory territory, UUID actorId, SessionType type, String title,
                            List<Theme> themes, Level level, Venue venue, UUID mediatorId, String programme,
                            LocalDateTime localStart, String zone, Instant startsAt, int durationMinutes,
                            int capacity, Instant occurredAt) implements SessionEvent {

        public SessionScheduled {
            themes = themes == null ? List.of() : List.copyOf(themes);
        }
    }

    /** A new start (local, and in UTC) and duration; the zone stays the session's. */
    record SessionRescheduled(UUID sessionId, LocalDateTime localStart, Instant startsAt, int durationMinutes,
                              Instant occurredAt) implements SessionEvent {}

    record SessionCancelled(UUID sessionId, String reason, Instant occurredAt) implements SessionEvent {}

    /** A beneficiary took a seat. */
    record ParticipantEnrolled(UUID sessionId, UUID beneficiaryId, Instant occurredAt) implements SessionEvent {}

    /** The session was full: the beneficiary waits, at {@code position} (1 = next to be promoted). */
    record ParticipantWaitlisted(UUID sessionId, UUID beneficiaryId, int position, Instant occurredAt)
            implements SessionEvent {}

    /** A participant (enrolled or waiting) withdrew. */
    record ParticipantWithdrew(UUID sessionId, UUID beneficiaryId, Instant occurredAt) implements SessionEvent {}

    /** The first waiting beneficiary took the seat a withdrawal freed: they are enrolled now. */
    record ParticipantPromoted(UUID sessionId, UUID beneficiaryId, Instant occurredAt) implements SessionEvent {}

    /** A participant's attendance and, when known, their autonomy at the end of the session. */
    record AttendanceRecorded(UUID sessionId, UUID beneficiaryId, Attendance attendance, Autonomy autonomy,
                              Instant occurredAt) implements SessionEvent {}

    /** The session took place and its attendance is final: {@code participants} enrolled, {@code seen} came. */
    record SessionCompleted(UUID sessionId, int participants, int seen, Instant occurredAt) implements SessionEvent {}
}
