package fr.hubag.sessions.domain;

import fr.hubag.contracts.sessions.Attendance;
import fr.hubag.contracts.sessions.Autonomy;
import fr.hubag.domain.Territory;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What can be asked of a session. {@code at} is when the command was received: the decider's only clock, so that
 * "has the session started?" is decided on the command, never on the machine's time.
 */
public sealed interface SessionCommand {

    UUID sessionId();

    Instant at();

    /** {@code localStart} is wall-clock time in the territory; the territory gives the zone. */
    record ScheduleSession(UUID sessionId, Territory territory, UUID actorId, Plan plan, LocalDateTime localStart,
                           int durationMinutes, int capacity, Instant at) implements SessionCommand {}

    record RescheduleSession(UUID sessionId, LocalDateTime localStart, int durationMinutes, Instant at)
            implements SessionCommand {}

    record CancelSession(UUID sessionId, String reason, Instant at) implements SessionCommand {}

    record Enrol(UUID sessionId, UUID beneficiaryId, Instant at) implements SessionCommand {}

    record Withdraw(UUID sessionId, UUID beneficiaryId, Instant at) implements SessionCommand {}

    /** Attendance of some participants; {@code complete}: the attendance is final and the session took place. */
    record RecordAttendance(UUID sessionId, List<Presence> participants, boolean complete, Instant at)
            implements SessionCommand {

        public RecordAttendance {
            participants = List.copyOf(participants);
        }
    }

    /** One participant's attendance and, when assessed, autonomy. */
    record Presence(UUID beneficiaryId, Attendance attendance, Autonomy autonomy) {}
}
