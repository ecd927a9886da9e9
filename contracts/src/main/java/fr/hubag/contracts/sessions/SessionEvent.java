package fr.hubag.contracts.sessions;

import fr.hubag.domain.Territory;

import java.time.Instant;
import java.time.LocalDate;
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

    /**
     * A mediation activity took place, in the national mediators' tool's shape (its *compte rendu d'activité*): the
     * one fact every activity indicator reads, whether a mediator reported it after the fact ({@code origin}
     * {@code report}, the stream of the report) or a scheduled session was completed with attendance ({@code session},
     * the session's stream, in the same decision as {@code SessionCompleted}). {@code activityId} is that stream's id
     * (the record key). A report corrected later is recorded again on its stream: the last one of an activity counts.
     * {@code date} is the local date in the territory. People are named only by pseudonymous ids ({@code participants})
     * or counted ({@code anonymous}); no free text that may name anyone: notes will be kept encrypted with the
     * beneficiary's key, never here.
     */
    record ActivityRecorded(UUID activityId, ActivityOrigin origin, Territory territory, UUID actorId,
                            SessionType type, LocalDate date, int durationMinutes, Venue place,
                            List<Equipment> equipment, List<Theme> themes, String title, Level level,
                            UUID mediatorId, String programme, List<ActivityParticipant> participants,
                            HeadCounts anonymous, Redirection redirection, Instant occurredAt)
            implements SessionEvent {

        public ActivityRecorded {
            equipment = equipment == null ? List.of() : List.copyOf(equipment);
            themes = themes == null ? List.of() : List.copyOf(themes);
            participants = participants == null ? List.of() : List.copyOf(participants);
            anonymous = anonymous == null ? HeadCounts.NONE : anonymous;
        }

        /** The stream the activity was recorded on: a session's, or a report's. */
        @Override
        public UUID sessionId() { return activityId; }

        /** Everyone who took part: the named participants and those counted without a name. */
        public int headcount() { return participants.size() + anonymous.total(); }
    }
}
