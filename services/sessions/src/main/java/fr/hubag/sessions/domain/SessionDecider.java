package fr.hubag.sessions.domain;

import fr.hubag.contracts.sessions.PlaceType;
import fr.hubag.contracts.sessions.SessionEvent;
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
import fr.hubag.contracts.sessions.SessionType;
import fr.hubag.contracts.sessions.Venue;
import fr.hubag.domain.CommandRejected;
import fr.hubag.domain.Decider;
import fr.hubag.domain.Territory;
import fr.hubag.sessions.domain.SessionCommand.CancelSession;
import fr.hubag.sessions.domain.SessionCommand.Enrol;
import fr.hubag.sessions.domain.SessionCommand.Presence;
import fr.hubag.sessions.domain.SessionCommand.RecordAttendance;
import fr.hubag.sessions.domain.SessionCommand.RescheduleSession;
import fr.hubag.sessions.domain.SessionCommand.ScheduleSession;
import fr.hubag.sessions.domain.SessionCommand.Withdraw;
import fr.hubag.sessions.domain.SessionState.Scheduled;
import fr.hubag.sessions.domain.SessionState.Status;
import fr.hubag.sessions.domain.SessionState.Unscheduled;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * The rules of a session: scheduled once in a territory, whose IANA zone it keeps (a 09:00 workshop is 09:00 where it
 * takes place, whatever the server's zone), rescheduled until attendance is taken, cancelled until completed. Seats,
 * the waiting list and attendance are in {@link ParticipationRules}.
 */
public final class SessionDecider implements Decider<SessionCommand, SessionEvent, SessionState> {

    static final int MAX_DURATION_MINUTES = 24 * 60;
    static final int MAX_CAPACITY = 500;

    @Override
    public SessionState initialState() {
        return new Unscheduled();
    }

    @Override
    public List<SessionEvent> decide(SessionCommand command, SessionState state) {
        return switch (command) {
            case ScheduleSession schedule -> schedule(schedule, state);
            case RescheduleSession reschedule -> reschedule(reschedule, open(state, reschedule.sessionId()));
            case CancelSession cancel -> List.of(new SessionCancelled(open(state, cancel.sessionId()).sessionId(),
                    cancel.reason(), cancel.at()));
            case Enrol enrol -> ParticipationRules.enrol(enrol, open(state, enrol.sessionId()));
            case Withdraw withdraw -> ParticipationRules.withdraw(withdraw, open(state, withdraw.sessionId()));
            case RecordAttendance attendance ->
                    ParticipationRules.attendance(attendance, open(state, attendance.sessionId()));
        };
    }

    @Override
    public SessionState evolve(SessionState state, SessionEvent event) {
        if (event instanceof SessionScheduled s) {
            Plan plan = new Plan(s.type(), s.title(), s.themes(), s.level(), s.venue(), s.mediatorId(), s.programme());
            return new Scheduled(s.sessionId(), s.territory(), s.actorId(), plan, s.localStart(), ZoneId.of(s.zone()),
                    s.startsAt(), s.durationMinutes(), s.capacity(), Status.SCHEDULED, List.of(), List.of(),
                    java.util.Map.of());
        }
        if (!(state instanceof Scheduled session)) {
            return state;
        }
        return switch (event) {
            case SessionScheduled scheduled -> session;
            case SessionRescheduled moved -> session.withStart(moved.localStart(), moved.startsAt(),
                    moved.durationMinutes());
            case SessionCancelled cancelled -> session.withStatus(Status.CANCELLED);
            case ParticipantEnrolled enrolled -> session.withSeats(seats -> seats.add(enrolled.beneficiaryId()),
                    queue -> { });
            case ParticipantWaitlisted waiting -> session.withSeats(seats -> { },
                    queue -> queue.add(waiting.beneficiaryId()));
            case ParticipantWithdrew withdrew -> session.withSeats(seats -> seats.remove(withdrew.beneficiaryId()),
                    queue -> queue.remove(withdrew.beneficiaryId()));
            case ParticipantPromoted promoted -> session.withSeats(seats -> seats.add(promoted.beneficiaryId()),
                    queue -> queue.remove(promoted.beneficiaryId()));
            case AttendanceRecorded recorded -> session.withPresence(new Presence(recorded.beneficiaryId(),
                    recorded.attendance(), recorded.autonomy()));
            case SessionCompleted completed -> session.withStatus(Status.COMPLETED);
            case ActivityRecorded activity -> session;
        };
    }

    private static List<SessionEvent> schedule(ScheduleSession command, SessionState state) {
        if (!(state instanceof Unscheduled)) {
            throw CommandRejected.conflict("session-already-scheduled",
                    "session " + command.sessionId() + " is already scheduled");
        }
        Plan plan = command.plan();
        checkPlan(plan, command.territory(), command.capacity());
        checkDuration(command.durationMinutes());
        ZoneId zone = command.territory().zone();
        return List.of(new SessionScheduled(command.sessionId(), command.territory(), command.actorId(), plan.type(),
                plan.title(), plan.themes(), plan.level(), plan.venue(), plan.mediatorId(), plan.programme(),
                command.localStart(), zone.getId(), startsAt(command.localStart(), zone), command.durationMinutes(),
                command.capacity(), command.at()));
    }

    private static List<SessionEvent> reschedule(RescheduleSession command, Scheduled session) {
        if (!session.attendance().isEmpty()) {
            throw CommandRejected.conflict("attendance-recorded", "attendance of session " + session.sessionId()
                    + " is being recorded: it took place at " + session.localStart());
        }
        checkDuration(command.durationMinutes());
        if (command.localStart().equals(session.localStart())
                && command.durationMinutes() == session.durationMinutes()) {
            return List.of();
        }
        return List.of(new SessionRescheduled(session.sessionId(), command.localStart(),
                startsAt(command.localStart(), session.zone()), command.durationMinutes(), command.at()));
    }

    /** The instant of a wall-clock start in a zone (the hub's zones have no daylight saving, so no gap or overlap). */
    static Instant startsAt(LocalDateTime localStart, ZoneId zone) {
        return localStart.atZone(zone).toInstant();
    }

    private static void checkPlan(Plan plan, Territory territory, int capacity) {
        if (plan.themes().isEmpty()) {
            throw CommandRejected.unprocessable("themes-missing", "themes", "a session has at least one theme");
        }
        if (plan.type() == SessionType.INDIVIDUEL) {
            if (plan.level() != null) {
                throw CommandRejected.unprocessable("level-for-workshops", "level",
                        "only collective sessions (workshops) have a level");
            }
            if (capacity != 1) {
                throw CommandRejected.unprocessable("individual-capacity", "capacity",
                        "an individual session has one seat");
            }
        } else if (plan.title() == null) {
            throw CommandRejected.unprocessable("title-missing", "title", "a workshop has a title");
        }
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw CommandRejected.unprocessable("invalid-capacity", "capacity",
                    "capacity is from 1 to " + MAX_CAPACITY + " seats");
        }
        checkVenue(plan.venue(), territory, false);
    }

    /**
     * A census actor for {@code lieu_activite} only; a commune of the territory for {@code autre} — and, when
     * {@code communeAtHome}, for {@code domicile} (an activity report names the home's commune, a session never did).
     */
    static void checkVenue(Venue venue, Territory territory, boolean communeAtHome) {
        boolean atActor = venue.placeType() == PlaceType.LIEU_ACTIVITE;
        boolean inCommune = venue.placeType() == PlaceType.AUTRE
                || communeAtHome && venue.placeType() == PlaceType.DOMICILE;
        if (atActor != (venue.actorId() != null)) {
            throw CommandRejected.unprocessable("venue-actor", "place.actorId",
                    "a census actor is named for lieu_activite, and only for it");
        }
        if (inCommune != (venue.communeInseeCode() != null)) {
            throw CommandRejected.unprocessable("venue-commune", "place.communeInseeCode", "a commune is named for "
                    + (communeAtHome ? "domicile and autre, and only for them" : "autre, and only for it"));
        }
        if (inCommune && Territory.ofInseeCode(venue.communeInseeCode()).filter(t -> t == territory).isEmpty()) {
            throw CommandRejected.unprocessable("commune-outside-territory", "place.communeInseeCode",
                    "INSEE code " + venue.communeInseeCode() + " is not a commune of " + territory.label());
        }
    }

    static void checkDuration(int minutes) {
        if (minutes < 1 || minutes > MAX_DURATION_MINUTES) {
            throw CommandRejected.unprocessable("invalid-duration", "durationMinutes",
                    "it lasts from 1 to " + MAX_DURATION_MINUTES + " minutes");
        }
    }

    /** The scheduled session, or the refusal every later command gets: 404 unknown, 409 cancelled or completed. */
    static Scheduled scheduled(SessionState state, UUID sessionId) {
        return switch (state) {
            case Scheduled session -> session;
            case Unscheduled none -> throw CommandRejected.notFound("session-not-found", "no session " + sessionId);
        };
    }

    static Scheduled open(SessionState state, UUID sessionId) {
        Scheduled session = scheduled(state, sessionId);
        return switch (session.status()) {
            case SCHEDULED -> session;
            case CANCELLED -> throw CommandRejected.conflict("session-cancelled",
                    "session " + sessionId + " was cancelled");
            case COMPLETED -> throw CommandRejected.conflict("session-completed",
                    "session " + sessionId + " is completed: its attendance is final");
        };
    }
}
