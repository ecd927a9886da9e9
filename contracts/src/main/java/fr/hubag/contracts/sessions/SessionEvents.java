package fr.hubag.contracts.sessions;

import fr.hubag.contracts.sessions.SessionEvent.ActivityRecorded;
import fr.hubag.contracts.sessions.SessionEvent.AttendanceRecorded;
import fr.hubag.contracts.sessions.SessionEvent.ParticipantEnrolled;
import fr.hubag.contracts.sessions.SessionEvent.ParticipantPromoted;
import fr.hubag.contracts.sessions.SessionEvent.ParticipantWaitlisted;
import fr.hubag.contracts.sessions.SessionEvent.ParticipantWithdrew;
import fr.hubag.contracts.sessions.SessionEvent.SessionCancelled;
import fr.hubag.contracts.sessions.SessionEvent.SessionCompleted;
import fr.hubag.contracts.sessions.SessionEvent.SessionRescheduled;
import fr.hubag.contracts.sessions.SessionEvent.SessionScheduled;
import fr.hubag.domain.EventCatalogue;

/**
 * What is on the topic {@code sessions.events}: each type under its contract name (= the schema file's name) and
 * current version. The sessions service stores with it, consumers (projection, impact) read with it.
 */
public final class SessionEvents {

    public static final EventCatalogue<SessionEvent> CATALOGUE = EventCatalogue.of(SessionEvent.class)
            .event("SessionScheduled", 1, SessionScheduled.class)
            .event("SessionRescheduled", 1, SessionRescheduled.class)
            .event("SessionCancelled", 1, SessionCancelled.class)
            .event("ParticipantEnrolled", 1, ParticipantEnrolled.class)
            .event("ParticipantWaitlisted", 1, ParticipantWaitlisted.class)
            .event("ParticipantWithdrew", 1, ParticipantWithdrew.class)
            .event("ParticipantPromoted", 1, ParticipantPromoted.class)
            .event("AttendanceRecorded", 1, AttendanceRecorded.class)
            .event("SessionCompleted", 1, SessionCompleted.class)
            .event("ActivityRecorded", 1, ActivityRecorded.class)
            .build();

    private SessionEvents() {}
}
