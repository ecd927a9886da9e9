package fr.hubag.sessions.domain;

import fr.hubag.contracts.sessions.ActivityOrigin;
import fr.hubag.contracts.sessions.ActivityParticipant;
import fr.hubag.contracts.sessions.Attendance;
import fr.hubag.contracts.sessions.HeadCounts;
import fr.hubag.contracts.sessions.SessionEvent.ActivityRecorded;
import fr.hubag.sessions.domain.SessionState.Scheduled;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The activity a completed session amounts to, in the very shape of an activity report, so that every indicator
 * reads {@code ActivityRecorded} alone: its plan, its local date and duration, and the participants seen with their
 * autonomy. A session names all its participants, so nobody is counted without a name; the equipment was not said.
 * A session where nobody was seen is no activity.
 */
final class SessionActivity {

    private SessionActivity() {}

    static Optional<ActivityRecorded> of(Scheduled session, Instant at) {
        List<ActivityParticipant> seen = session.enrolled().stream().map(session.attendance()::get)
                .filter(p -> p != null && p.attendance() == Attendance.SEEN)
                .map(p -> new ActivityParticipant(p.beneficiaryId(), p.autonomy())).toList();
        if (seen.isEmpty()) {
            return Optional.empty();
        }
        Plan plan = session.plan();
        return Optional.of(new ActivityRecorded(session.sessionId(), ActivityOrigin.SESSION, session.territory(),
                session.actorId(), plan.type(), session.localStart().toLocalDate(), session.durationMinutes(),
                plan.venue(), List.of(), plan.themes(), plan.title(), plan.level(), plan.mediatorId(),
                plan.programme(), seen, HeadCounts.NONE, null, at));
    }
}
