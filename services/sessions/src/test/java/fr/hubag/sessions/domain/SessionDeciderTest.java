package fr.hubag.sessions.domain;

import fr.hubag.contracts.sessions.ActivityOrigin;
import fr.hubag.contracts.sessions.ActivityParticipant;
import fr.hubag.contracts.sessions.Attendance;
import fr.hubag.contracts.sessions.HeadCounts;
import fr.hubag.contracts.sessions.Autonomy;
import fr.hubag.contracts.sessions.Level;
import fr.hubag.contracts.sessions.PlaceType;
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
import fr.hubag.contracts.sessions.SessionEvent;
import fr.hubag.contracts.sessions.Venue;
import fr.hubag.domain.CommandRejected.Kind;
import fr.hubag.domain.Territory;
import fr.hubag.sessions.domain.SessionCommand.CancelSession;
import fr.hubag.sessions.domain.SessionCommand.Enrol;
import fr.hubag.sessions.domain.SessionCommand.Presence;
import fr.hubag.sessions.domain.SessionCommand.RecordAttendance;
import fr.hubag.sessions.domain.SessionCommand.RescheduleSession;
import fr.hubag.sessions.domain.SessionCommand.Withdraw;
import fr.hubag.sessions.domain.SessionState.Scheduled;
import fr.hubag.testing.DeciderSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static fr.hubag.sessions.domain.Sessions.ACTOR;
import static fr.hubag.sessions.domain.Sessions.NINE_AM;
import static fr.hubag.sessions.domain.Sessions.PLANNED;
import static fr.hubag.sessions.domain.Sessions.SESSION;
import static fr.hubag.sessions.domain.Sessions.beneficiary;
import static fr.hubag.sessions.domain.Sessions.individual;
import static fr.hubag.sessions.domain.Sessions.schedule;
import static fr.hubag.sessions.domain.Sessions.workshop;
import static fr.hubag.sessions.domain.Sessions.workshopInCayenne;
import static org.assertj.core.api.Assertions.assertThat;

/** Given / when / then on the session's rules: scheduling in the territory's zone, seats, waiting list, attendance. */
class SessionDeciderTest {

    private static final Instant STARTED = Instant.parse("2026-12-01T12:00:00Z");

    private static DeciderSpec<SessionCommand, SessionEvent, SessionState> spec() {
        return DeciderSpec.of(new SessionDecider());
    }

    @Test
    void nineInTheMorningInCayenneAndInFortDeFranceAreAnHourApartInUtc() {
        Scheduled cayenne = (Scheduled) spec().when(schedule(Territory.GF, workshop(), 20)).then(workshopInCayenne(20));
        SessionScheduled martinique = (SessionScheduled) new SessionDecider()
                .decide(schedule(Territory.MQ, workshop(), 20), new SessionState.Unscheduled()).get(0);

        assertThat(cayenne.startsAt()).isEqualTo("2026-12-01T12:00:00Z");
        assertThat(martinique.startsAt()).isEqualTo("2026-12-01T13:00:00Z");
        assertThat(martinique.zone()).isEqualTo("America/Martinique");
        assertThat(Duration.between(cayenne.startsAt(), martinique.startsAt())).isEqualTo(Duration.ofHours(1));
        // the local date and time stay the territory's
        assertThat(cayenne.localStart()).isEqualTo(martinique.localStart()).isEqualTo(NINE_AM);
        assertThat(cayenne.zone().getId()).isEqualTo("America/Cayenne");
    }

    @Test
    void eachTerritoryKeepsItsOwnZone() {
        for (Territory territory : Territory.values()) {
            SessionScheduled scheduled = (SessionScheduled) new SessionDecider()
                    .decide(schedule(territory, individual(Venue.of(PlaceType.A_DISTANCE)), 1),
                            new SessionState.Unscheduled()).get(0);
            assertThat(scheduled.zone()).isEqualTo(territory.zone().getId());
            assertThat(scheduled.startsAt()).isEqualTo(NINE_AM.atZone(territory.zone()).toInstant());
        }
    }

    @Test
    void aSessionIsScheduledOnce() {
        spec().given(workshopInCayenne(20)).when(schedule(Territory.GF, workshop(), 20))
                .thenRejected(Kind.CONFLICT, "session-already-scheduled");
    }

    @Test
    void theVenueNamesAnActorForLieuActiviteAndACommuneOfTheTerritoryForAutre() {
        spec().when(schedule(Territory.MQ, individual(Venue.inCommune("97209")), 1)).then(
                new SessionScheduled(SESSION, Territory.MQ, ACTOR, individual(null).type(), null,
                        individual(null).themes(), null, Venue.inCommune("97209"), Sessions.MEDIATOR, null, NINE_AM,
                        "America/Martinique", Instant.parse("2026-12-01T13:00:00Z"), 120, 1, PLANNED));
        spec().when(schedule(Territory.GF, individual(Venue.inCommune("97209")), 1))
                .thenRejected(Kind.UNPROCESSABLE, "commune-outside-territory");
        spec().when(schedule(Territory.GF, individual(new Venue(PlaceType.LIEU_ACTIVITE, null, null)), 1))
                .thenRejected(Kind.UNPROCESSABLE, "venue-actor");
        spec().when(schedule(Territory.GF, individual(new Venue(PlaceType.AUTRE, null, null)), 1))
                .thenRejected(Kind.UNPROCESSABLE, "venue-commune");
        spec().when(schedule(Territory.GF, individual(new Venue(PlaceType.DOMICILE, ACTOR, null)), 1))
                .thenRejected(Kind.UNPROCESSABLE, "venue-actor");
    }

    @Test
    void anIndividualSessionHasOneSeatAndNoLevelAndAWorkshopHasATitle() {
        spec().when(schedule(Territory.GF, individual(Venue.of(PlaceType.DOMICILE)), 2))
                .thenRejected(Kind.UNPROCESSABLE, "individual-capacity");
        Plan leveled = new Plan(individual(null).type(), null, individual(null).themes(), Level.AVANCE,
                Venue.of(PlaceType.DOMICILE), Sessions.MEDIATOR, null);
        spec().when(schedule(Territory.GF, leveled, 1)).thenRejected(Kind.UNPROCESSABLE, "level-for-workshops");
        Plan untitled = new Plan(workshop().type(), null, workshop().themes(), null, workshop().venue(),
                Sessions.MEDIATOR, null);
        spec().when(schedule(Territory.GF, untitled, 12)).thenRejected(Kind.UNPROCESSABLE, "title-missing");
        spec().when(schedule(Territory.GF, workshop(), 501)).thenRejected(Kind.UNPROCESSABLE, "invalid-capacity");
    }

    @Test
    void reschedulingMovesTheStartInTheSessionsZoneUntilAttendanceIsTaken() {
        LocalDateTime later = LocalDateTime.parse("2026-12-03T14:30");
        spec().given(workshopInCayenne(20)).when(new RescheduleSession(SESSION, later, 90, PLANNED))
                .then(new SessionRescheduled(SESSION, later, Instant.parse("2026-12-03T17:30:00Z"), 90, PLANNED));
        spec().given(workshopInCayenne(20)).when(new RescheduleSession(SESSION, NINE_AM, 120, PLANNED)).then();
        spec().given(workshopInCayenne(20), new ParticipantEnrolled(SESSION, beneficiary(1), PLANNED),
                        new AttendanceRecorded(SESSION, beneficiary(1), Attendance.SEEN, null, STARTED))
                .when(new RescheduleSession(SESSION, later, 90, STARTED))
                .thenRejected(Kind.CONFLICT, "attendance-recorded");
        spec().when(new RescheduleSession(SESSION, later, 90, PLANNED)).thenRejected(Kind.NOT_FOUND,
                "session-not-found");
    }

    @Test
    void aCancelledSessionTakesNoMoreCommands() {
        spec().given(workshopInCayenne(20)).when(new CancelSession(SESSION, "alerte cyclonique", PLANNED))
                .then(new SessionCancelled(SESSION, "alerte cyclonique", PLANNED));
        SessionCancelled cancelled = new SessionCancelled(SESSION, "alerte cyclonique", PLANNED);
        spec().given(workshopInCayenne(20), cancelled).when(new Enrol(SESSION, beneficiary(1), PLANNED))
                .thenRejected(Kind.CONFLICT, "session-cancelled");
        spec().given(workshopInCayenne(20), cancelled).when(new CancelSession(SESSION, "encore", PLANNED))
                .thenRejected(Kind.CONFLICT, "session-cancelled");
    }

    @Test
    void seatsFirstThenTheWaitingListAndNeverTwice() {
        spec().given(workshopInCayenne(2)).when(new Enrol(SESSION, beneficiary(1), PLANNED))
                .then(new ParticipantEnrolled(SESSION, beneficiary(1), PLANNED));
        Scheduled full = (Scheduled) spec().given(workshopInCayenne(2),
                        new ParticipantEnrolled(SESSION, beneficiary(1), PLANNED),
                        new ParticipantEnrolled(SESSION, beneficiary(2), PLANNED),
                        new ParticipantWaitlisted(SESSION, beneficiary(3), 1, PLANNED))
                .when(new Enrol(SESSION, beneficiary(4), PLANNED))
                .then(new ParticipantWaitlisted(SESSION, beneficiary(4), 2, PLANNED));
        assertThat(full.seatsLeft()).isZero();
        assertThat(full.waitingPosition(beneficiary(4))).contains(2);
        spec().given(workshopInCayenne(2), new ParticipantEnrolled(SESSION, beneficiary(1), PLANNED))
                .when(new Enrol(SESSION, beneficiary(1), PLANNED)).thenRejected(Kind.CONFLICT, "already-enrolled");
    }

    @Test
    void theWaitingListIsBounded() {
        List<SessionEvent> history = new ArrayList<>(List.of(workshopInCayenne(1),
                new ParticipantEnrolled(SESSION, beneficiary(0), PLANNED)));
        for (int i = 1; i <= ParticipationRules.MAX_WAITING; i++) {
            history.add(new ParticipantWaitlisted(SESSION, beneficiary(i), i, PLANNED));
        }
        spec().given(history.toArray(SessionEvent[]::new))
                .when(new Enrol(SESSION, beneficiary(ParticipationRules.MAX_WAITING + 1), PLANNED))
                .thenRejected(Kind.CONFLICT, "waiting-list-full");
    }

    @Test
    void aWithdrawalFromASeatPromotesTheFirstWaitingPerson() {
        Scheduled after = (Scheduled) spec().given(workshopInCayenne(1),
                        new ParticipantEnrolled(SESSION, beneficiary(1), PLANNED),
                        new ParticipantWaitlisted(SESSION, beneficiary(2), 1, PLANNED),
                        new ParticipantWaitlisted(SESSION, beneficiary(3), 2, PLANNED))
                .when(new Withdraw(SESSION, beneficiary(1), PLANNED))
                .then(new ParticipantWithdrew(SESSION, beneficiary(1), PLANNED),
                        new ParticipantPromoted(SESSION, beneficiary(2), PLANNED));
        assertThat(after.enrolled()).containsExactly(beneficiary(2));
        assertThat(after.waiting()).containsExactly(beneficiary(3));
        assertThat(after.waitingPosition(beneficiary(3))).contains(1);

        // leaving the waiting list frees no seat
        spec().given(workshopInCayenne(1), new ParticipantEnrolled(SESSION, beneficiary(1), PLANNED),
                        new ParticipantWaitlisted(SESSION, beneficiary(2), 1, PLANNED))
                .when(new Withdraw(SESSION, beneficiary(2), PLANNED))
                .then(new ParticipantWithdrew(SESSION, beneficiary(2), PLANNED));
        spec().given(workshopInCayenne(1)).when(new Withdraw(SESSION, beneficiary(9), PLANNED))
                .thenRejected(Kind.NOT_FOUND, "participant-not-found");
    }

    @Test
    void attendanceIsRecordedOnlyOnceTheSessionHasStarted() {
        Presence seen = new Presence(beneficiary(1), Attendance.SEEN, Autonomy.PARTIELLEMENT_AUTONOME);
        ParticipantEnrolled enrolled = new ParticipantEnrolled(SESSION, beneficiary(1), PLANNED);
        spec().given(workshopInCayenne(20), enrolled)
                .when(new RecordAttendance(SESSION, List.of(seen), false, STARTED.minusSeconds(1)))
                .thenRejected(Kind.CONFLICT, "session-not-started");
        spec().given(workshopInCayenne(20), enrolled)
                .when(new RecordAttendance(SESSION, List.of(seen), false, STARTED))
                .then(new AttendanceRecorded(SESSION, beneficiary(1), Attendance.SEEN,
                        Autonomy.PARTIELLEMENT_AUTONOME, STARTED));
        // the same record again changes nothing
        spec().given(workshopInCayenne(20), enrolled, new AttendanceRecorded(SESSION, beneficiary(1),
                        Attendance.SEEN, Autonomy.PARTIELLEMENT_AUTONOME, STARTED))
                .when(new RecordAttendance(SESSION, List.of(seen), false, STARTED.plusSeconds(60))).then();
    }

    @Test
    void onlyParticipantsWithASeatHaveAnAttendanceNamedOnce() {
        UUID waiting = beneficiary(2);
        spec().given(workshopInCayenne(1), new ParticipantEnrolled(SESSION, beneficiary(1), PLANNED),
                        new ParticipantWaitlisted(SESSION, waiting, 1, PLANNED))
                .when(new RecordAttendance(SESSION, List.of(new Presence(waiting, Attendance.SEEN, null)), false,
                        STARTED)).thenRejected(Kind.UNPROCESSABLE, "not-enrolled");
        Presence once = new Presence(beneficiary(1), Attendance.SEEN, null);
        spec().given(workshopInCayenne(1), new ParticipantEnrolled(SESSION, beneficiary(1), PLANNED))
                .when(new RecordAttendance(SESSION, List.of(once, once), false, STARTED))
                .thenRejected(Kind.UNPROCESSABLE, "participant-repeated");
    }

    @Test
    void aSessionIsCompletedWhenEveryParticipantHasAnAttendance() {
        ParticipantEnrolled first = new ParticipantEnrolled(SESSION, beneficiary(1), PLANNED);
        ParticipantEnrolled second = new ParticipantEnrolled(SESSION, beneficiary(2), PLANNED);
        Presence seen = new Presence(beneficiary(1), Attendance.SEEN, Autonomy.AUTONOME);
        spec().given(workshopInCayenne(20), first, second)
                .when(new RecordAttendance(SESSION, List.of(seen), true, STARTED))
                .thenRejected(Kind.UNPROCESSABLE, "attendance-missing");
        Scheduled completed = (Scheduled) spec().given(workshopInCayenne(20), first, second)
                .when(new RecordAttendance(SESSION, List.of(seen,
                        new Presence(beneficiary(2), Attendance.NOSHOW, null)), true, STARTED))
                .then(new AttendanceRecorded(SESSION, beneficiary(1), Attendance.SEEN, Autonomy.AUTONOME, STARTED),
                        new AttendanceRecorded(SESSION, beneficiary(2), Attendance.NOSHOW, null, STARTED),
                        new SessionCompleted(SESSION, 2, 1, STARTED),
                        workshopActivity(List.of(new ActivityParticipant(beneficiary(1), Autonomy.AUTONOME))));
        assertThat(completed.status()).isEqualTo(SessionState.Status.COMPLETED);
        spec().given(workshopInCayenne(20), first, new AttendanceRecorded(SESSION, beneficiary(1), Attendance.SEEN,
                        null, STARTED), new SessionCompleted(SESSION, 1, 1, STARTED))
                .when(new RecordAttendance(SESSION, List.of(seen), false, STARTED))
                .thenRejected(Kind.CONFLICT, "session-completed");
    }

    @Test
    void aCompletedSessionRecordsTheSameActivityFactAsAReport() {
        // given a workshop in Cayenne with three seats taken, when its attendance is final,
        // then the participants seen — and only they — are the activity's, with their autonomy, on the local date
        List<SessionEvent> history = List.of(workshopInCayenne(20),
                new ParticipantEnrolled(SESSION, beneficiary(1), PLANNED),
                new ParticipantEnrolled(SESSION, beneficiary(2), PLANNED),
                new ParticipantEnrolled(SESSION, beneficiary(3), PLANNED),
                new AttendanceRecorded(SESSION, beneficiary(2), Attendance.EXCUSED, null, STARTED));
        spec().given(history.toArray(SessionEvent[]::new))
                .when(new RecordAttendance(SESSION, List.of(
                        new Presence(beneficiary(1), Attendance.SEEN, Autonomy.ENTIEREMENT_ACCOMPAGNE),
                        new Presence(beneficiary(3), Attendance.SEEN, null)), true, STARTED))
                .then(new AttendanceRecorded(SESSION, beneficiary(1), Attendance.SEEN,
                                Autonomy.ENTIEREMENT_ACCOMPAGNE, STARTED),
                        new AttendanceRecorded(SESSION, beneficiary(3), Attendance.SEEN, null, STARTED),
                        new SessionCompleted(SESSION, 3, 2, STARTED),
                        workshopActivity(List.of(
                                new ActivityParticipant(beneficiary(1), Autonomy.ENTIEREMENT_ACCOMPAGNE),
                                new ActivityParticipant(beneficiary(3), null))));
    }

    @Test
    void aSessionWhereNobodyWasSeenIsNoActivity() {
        spec().given(workshopInCayenne(20), new ParticipantEnrolled(SESSION, beneficiary(1), PLANNED))
                .when(new RecordAttendance(SESSION, List.of(new Presence(beneficiary(1), Attendance.NOSHOW, null)),
                        true, STARTED))
                .then(new AttendanceRecorded(SESSION, beneficiary(1), Attendance.NOSHOW, null, STARTED),
                        new SessionCompleted(SESSION, 1, 0, STARTED));
    }

    /** The activity of the Cayenne workshop as a completed session records it: nobody counted without a name. */
    private static ActivityRecorded workshopActivity(List<ActivityParticipant> seen) {
        Plan plan = workshop();
        return new ActivityRecorded(SESSION, ActivityOrigin.SESSION, Territory.GF, ACTOR, plan.type(),
                NINE_AM.toLocalDate(), 120, plan.venue(), List.of(), plan.themes(), plan.title(), plan.level(),
                Sessions.MEDIATOR, plan.programme(), seen, HeadCounts.NONE, null, STARTED);
    }
}
