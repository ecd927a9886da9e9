package fr.hubag.sessions.domain;

import fr.hubag.contracts.sessions.SessionEvent;
import fr.hubag.contracts.sessions.SessionEvent.AttendanceRecorded;
import fr.hubag.contracts.sessions.SessionEvent.ParticipantEnrolled;
import fr.hubag.contracts.sessions.SessionEvent.ParticipantPromoted;
import fr.hubag.contracts.sessions.SessionEvent.ParticipantWaitlisted;
import fr.hubag.contracts.sessions.SessionEvent.ParticipantWithdrew;
import fr.hubag.contracts.sessions.SessionEvent.SessionCompleted;
import fr.hubag.domain.CommandRejected;
import fr.hubag.sessions.domain.SessionCommand.Enrol;
import fr.hubag.sessions.domain.SessionCommand.Presence;
import fr.hubag.sessions.domain.SessionCommand.RecordAttendance;
import fr.hubag.sessions.domain.SessionCommand.Withdraw;
import fr.hubag.sessions.domain.SessionState.Scheduled;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Who takes part in an open session: a seat while there is one, else the waiting list (never twice); a withdrawal
 * from a seat promotes the first waiting person in the same decision, so a freed seat is never left empty; attendance
 * only once the session has started (by the command's time), completion only when every participant has one — and
 * then the activity it amounts to ({@link SessionActivity}).
 */
final class ParticipationRules {

    /**
     * The longest waiting list: a session's stream is read whole by every command on it, so one caller enrolling
     * without end must not make it grow without end (as many as the largest capacity).
     */
    static final int MAX_WAITING = 500;

    private ParticipationRules() {}

    static List<SessionEvent> enrol(Enrol command, Scheduled session) {
        if (session.participates(command.beneficiaryId())) {
            throw CommandRejected.conflict("already-enrolled", "beneficiary " + command.beneficiaryId() + " is "
                    + (session.enrolled().contains(command.beneficiaryId()) ? "enrolled" : "on the waiting list")
                    + " already");
        }
        if (session.seatsLeft() > 0) {
            return List.of(new ParticipantEnrolled(session.sessionId(), command.beneficiaryId(), command.at()));
        }
        if (session.waiting().size() >= MAX_WAITING) {
            throw CommandRejected.conflict("waiting-list-full", "the waiting list holds " + MAX_WAITING
                    + " people already");
        }
        return List.of(new ParticipantWaitlisted(session.sessionId(), command.beneficiaryId(),
                session.waiting().size() + 1, command.at()));
    }

    static List<SessionEvent> withdraw(Withdraw command, Scheduled session) {
        UUID beneficiary = command.beneficiaryId();
        if (!session.participates(beneficiary)) {
            throw CommandRejected.notFound("participant-not-found", "beneficiary " + beneficiary
                    + " is not enrolled in session " + session.sessionId());
        }
        if (session.attendance().containsKey(beneficiary)) {
            throw CommandRejected.conflict("attendance-recorded", "the attendance of beneficiary " + beneficiary
                    + " is recorded: correct it instead");
        }
        List<SessionEvent> events = new ArrayList<>();
        events.add(new ParticipantWithdrew(session.sessionId(), beneficiary, command.at()));
        if (session.enrolled().contains(beneficiary) && !session.waiting().isEmpty()) {
            events.add(new ParticipantPromoted(session.sessionId(), session.waiting().get(0), command.at()));
        }
        return events;
    }

    static List<SessionEvent> attendance(RecordAttendance command, Scheduled session) {
        if (command.at().isBefore(session.startsAt())) {
            throw CommandRejected.conflict("session-not-started", "session " + session.sessionId() + " starts at "
                    + session.localStart() + " (" + session.zone().getId() + "): attendance is recorded from then");
        }
        Set<UUID> named = new HashSet<>();
        List<SessionEvent> events = new ArrayList<>();
        Scheduled after = session;
        for (int i = 0; i < command.participants().size(); i++) {
            Presence presence = command.participants().get(i);
            String field = "participants[" + i + "].beneficiaryId";
            if (!named.add(presence.beneficiaryId())) {
                throw CommandRejected.unprocessable("participant-repeated", field,
                        "beneficiary " + presence.beneficiaryId() + " is named twice");
            }
            if (!session.enrolled().contains(presence.beneficiaryId())) {
                throw CommandRejected.unprocessable("not-enrolled", field, "beneficiary " + presence.beneficiaryId()
                        + " has no seat in session " + session.sessionId());
            }
            if (!Objects.equals(session.attendance().get(presence.beneficiaryId()), presence)) {
                events.add(new AttendanceRecorded(session.sessionId(), presence.beneficiaryId(),
                        presence.attendance(), presence.autonomy(), command.at()));
                after = after.withPresence(presence);
            }
        }
        if (command.complete()) {
            Scheduled recorded = after;
            List<UUID> missing = recorded.enrolled().stream().filter(b -> !recorded.attendance().containsKey(b))
                    .toList();
            if (!missing.isEmpty()) {
                throw CommandRejected.unprocessable("attendance-missing", "participants", "the attendance of "
                        + missing + " is not recorded: every participant needs one (unknown if not known)");
            }
            events.add(new SessionCompleted(session.sessionId(), recorded.enrolled().size(), (int) recorded.seen(),
                    command.at()));
            SessionActivity.of(recorded, command.at()).ifPresent(events::add);
        }
        return events;
    }
}
