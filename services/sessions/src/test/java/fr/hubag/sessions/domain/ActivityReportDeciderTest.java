package fr.hubag.sessions.domain;

import fr.hubag.contracts.sessions.ActivityOrigin;
import fr.hubag.contracts.sessions.ActivityParticipant;
import fr.hubag.contracts.sessions.AgeBand;
import fr.hubag.contracts.sessions.Autonomy;
import fr.hubag.contracts.sessions.Equipment;
import fr.hubag.contracts.sessions.Gender;
import fr.hubag.contracts.sessions.HeadCounts;
import fr.hubag.contracts.sessions.Level;
import fr.hubag.contracts.sessions.PlaceType;
import fr.hubag.contracts.sessions.Redirection;
import fr.hubag.contracts.sessions.RedirectionStructure;
import fr.hubag.contracts.sessions.SessionEvent;
import fr.hubag.contracts.sessions.SessionEvent.ActivityRecorded;
import fr.hubag.contracts.sessions.SessionType;
import fr.hubag.contracts.sessions.SocialStatus;
import fr.hubag.contracts.sessions.Theme;
import fr.hubag.contracts.sessions.Venue;
import fr.hubag.domain.CommandRejected.Kind;
import fr.hubag.domain.Territory;
import fr.hubag.sessions.domain.ActivityReportCommand.Activity;
import fr.hubag.sessions.domain.ActivityReportCommand.CorrectActivity;
import fr.hubag.sessions.domain.ActivityReportCommand.Counted;
import fr.hubag.sessions.domain.ActivityReportCommand.RecordActivity;
import fr.hubag.testing.DeciderSpec;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.hubag.sessions.domain.Sessions.ACTOR;
import static fr.hubag.sessions.domain.Sessions.MEDIATOR;
import static fr.hubag.sessions.domain.Sessions.beneficiary;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Given / when / then on activities reported after the fact: the national tool's shape, one person for an individual
 * accompaniment, counts that add up (the rest non_communique), no date after today in the territory, corrections.
 */
class ActivityReportDeciderTest {

    static final UUID REPORT = UUID.fromString("5d2c8e1f-7a3b-4c6d-9e0f-1a2b3c4d5e60");
    /** 20:15 UTC on 26 November is 16:15 in Martinique and 17:15 in Cayenne: the same local date. */
    static final Instant EVENING = Instant.parse("2026-11-26T20:15:00Z");
    static final LocalDate TODAY = LocalDate.parse("2026-11-26");

    private static DeciderSpec<ActivityReportCommand, SessionEvent, ActivityReportState> spec() {
        return DeciderSpec.of(new ActivityReportDecider());
    }

    /** An accompaniment at the person's home in Cayenne, by telephone, redirected to social services. */
    static Activity individual(List<ActivityParticipant> named, Counted counted) {
        return new Activity(Territory.GF, ACTOR, SessionType.INDIVIDUEL, TODAY, 45, home("97302"),
                List.of(Equipment.TELEPHONE), List.of(Theme.AIDE_AUX_DEMARCHES_ADMINISTRATIVES, Theme.SOCIAL_SANTE),
                null, null, MEDIATOR, null, named, counted, new Redirection(RedirectionStructure.AIDE_SOCIALE, null));
    }

    static Activity individual() {
        return individual(List.of(new ActivityParticipant(beneficiary(1), Autonomy.PARTIELLEMENT_AUTONOME)),
                Counted.NOBODY);
    }

    /** A workshop at the actor's place: one named participant and six counted. */
    static Activity workshop(Counted counted) {
        return new Activity(Territory.GF, ACTOR, SessionType.COLLECTIF, TODAY.minusDays(1), 120,
                Venue.atActor(ACTOR), List.of(Equipment.ORDINATEUR, Equipment.TABLETTE),
                List.of(Theme.NAVIGATION_SUR_INTERNET, Theme.EMAIL), "Créer son adresse e-mail", Level.DEBUTANT,
                MEDIATOR, "Conseillers numériques", List.of(new ActivityParticipant(beneficiary(2), null)), counted,
                null);
    }

    static Counted six() {
        return new Counted(6, 2, Map.of(Gender.FEMININ, 4, Gender.MASCULIN, 1),
                Map.of(AgeBand.SOIXANTE_SOIXANTE_NEUF, 2, AgeBand.SOIXANTE_DIX_PLUS, 1),
                Map.of(SocialStatus.RETRAITE, 3, SocialStatus.SANS_EMPLOI, 2, SocialStatus.EN_EMPLOI, 1));
    }

    private static Venue home(String inseeCode) {
        return new Venue(PlaceType.DOMICILE, null, inseeCode);
    }

    @Test
    void anIndividualAccompanimentIsRecordedInTheNationalToolsShape() {
        spec().when(new RecordActivity(REPORT, individual(), EVENING)).then(new ActivityRecorded(REPORT,
                ActivityOrigin.REPORT, Territory.GF, ACTOR, SessionType.INDIVIDUEL, TODAY, 45, home("97302"),
                List.of(Equipment.TELEPHONE), List.of(Theme.AIDE_AUX_DEMARCHES_ADMINISTRATIVES, Theme.SOCIAL_SANTE),
                null, null, MEDIATOR, null,
                List.of(new ActivityParticipant(beneficiary(1), Autonomy.PARTIELLEMENT_AUTONOME)), HeadCounts.NONE,
                new Redirection(RedirectionStructure.AIDE_SOCIALE, null), EVENING));
        // the one person may be counted without a name instead (the national tool's anonymous beneficiary)
        Counted one = new Counted(1, 1, Map.of(Gender.FEMININ, 1), Map.of(), Map.of());
        ActivityRecorded anonymous = (ActivityRecorded) new ActivityReportDecider()
                .decide(new RecordActivity(REPORT, individual(List.of(), one), EVENING),
                        new ActivityReportState.Unrecorded()).get(0);
        assertThat(anonymous.headcount()).isEqualTo(1);
        assertThat(anonymous.anonymous().of(AgeBand.NON_COMMUNIQUE)).isEqualTo(1);
    }

    @Test
    void aWorkshopCountsNamedAndAnonymousPeopleAndTheRestIsNonCommunique() {
        ActivityReportState.Recorded recorded = (ActivityReportState.Recorded) spec()
                .when(new RecordActivity(REPORT, workshop(six()), EVENING)).then(ActivityReportDecider.recorded(
                        REPORT, workshop(six()), EVENING));
        ActivityRecorded activity = recorded.activity();
        HeadCounts counts = activity.anonymous();
        assertThat(activity.headcount()).isEqualTo(7);
        assertThat(counts.genders()).containsExactly(Map.entry("feminin", 4), Map.entry("masculin", 1),
                Map.entry("non_communique", 1));
        assertThat(counts.of(AgeBand.NON_COMMUNIQUE)).isEqualTo(3);
        assertThat(counts.ageBands()).hasSize(AgeBand.values().length);
        assertThat(counts.of(SocialStatus.NON_COMMUNIQUE)).isZero();
        assertThat(counts.alreadyAccompanied()).isEqualTo(2);
    }

    @Test
    void anIndividualAccompanimentIsForOnePerson() {
        spec().when(new RecordActivity(REPORT, individual(List.of(), Counted.NOBODY), EVENING))
                .thenRejected(Kind.UNPROCESSABLE, "individual-one-person");
        spec().when(new RecordActivity(REPORT, individual(List.of(new ActivityParticipant(beneficiary(1), null)),
                new Counted(1, 0, Map.of(), Map.of(), Map.of())), EVENING))
                .thenRejected(Kind.UNPROCESSABLE, "individual-one-person");
        Activity twice = workshop(Counted.NOBODY);
        Activity repeated = new Activity(twice.territory(), ACTOR, SessionType.COLLECTIF, TODAY, 60, twice.place(),
                List.of(), twice.themes(), "Atelier", null, MEDIATOR, null,
                List.of(new ActivityParticipant(beneficiary(2), null), new ActivityParticipant(beneficiary(2), null)),
                Counted.NOBODY, null);
        spec().when(new RecordActivity(REPORT, repeated, EVENING))
                .thenRejected(Kind.UNPROCESSABLE, "participant-repeated");
    }

    @Test
    void countsNeverExceedTheTotal() {
        Counted tooManyWomen = new Counted(3, 0, Map.of(Gender.FEMININ, 3, Gender.MASCULIN, 1), Map.of(), Map.of());
        assertThat(spec().when(new RecordActivity(REPORT, workshop(tooManyWomen), EVENING))
                .thenRejected(Kind.UNPROCESSABLE, "anonymous-counts-exceed-total").field())
                .isEqualTo("anonymous.genders");
        Counted alreadyMore = new Counted(3, 4, Map.of(), Map.of(), Map.of());
        spec().when(new RecordActivity(REPORT, workshop(alreadyMore), EVENING))
                .thenRejected(Kind.UNPROCESSABLE, "anonymous-counts-exceed-total");
    }

    @Test
    void aWorkshopHasATitleAndSomeoneAndNoRedirectionAndAnIndividualNoLevel() {
        Activity w = workshop(Counted.NOBODY);
        spec().when(new RecordActivity(REPORT, new Activity(w.territory(), ACTOR, w.type(), TODAY, 60, w.place(),
                        List.of(), w.themes(), null, null, MEDIATOR, null, w.participants(), Counted.NOBODY, null),
                EVENING)).thenRejected(Kind.UNPROCESSABLE, "title-missing");
        spec().when(new RecordActivity(REPORT, new Activity(w.territory(), ACTOR, w.type(), TODAY, 60, w.place(),
                        List.of(), w.themes(), "Atelier", null, MEDIATOR, null, List.of(), Counted.NOBODY, null),
                EVENING)).thenRejected(Kind.UNPROCESSABLE, "participants-missing");
        spec().when(new RecordActivity(REPORT, new Activity(w.territory(), ACTOR, w.type(), TODAY, 60, w.place(),
                        List.of(), w.themes(), "Atelier", null, MEDIATOR, null, w.participants(), Counted.NOBODY,
                        new Redirection(RedirectionStructure.AUTRE, null)), EVENING))
                .thenRejected(Kind.UNPROCESSABLE, "redirection-for-individuals");
        Activity i = individual();
        spec().when(new RecordActivity(REPORT, new Activity(i.territory(), ACTOR, i.type(), TODAY, 45, i.place(),
                        i.equipment(), i.themes(), null, Level.AVANCE, MEDIATOR, null, i.participants(),
                        Counted.NOBODY, null), EVENING)).thenRejected(Kind.UNPROCESSABLE, "level-for-workshops");
    }

    @Test
    void theDateIsNotAfterTodayInTheTerritoryAndThePlaceIsOfTheTerritory() {
        // 02:30 UTC on 27 November is still the 26th in Cayenne (UTC−3): the 27th is tomorrow there
        Activity tomorrow = new Activity(Territory.GF, ACTOR, SessionType.INDIVIDUEL, TODAY.plusDays(1), 45,
                home("97302"), List.of(), individual().themes(), null, null, MEDIATOR, null,
                individual().participants(), Counted.NOBODY, null);
        assertThat(spec().when(new RecordActivity(REPORT, tomorrow, Instant.parse("2026-11-27T02:30:00Z")))
                .thenRejected(Kind.UNPROCESSABLE, "activity-in-future").field()).isEqualTo("date");
        spec().when(new RecordActivity(REPORT, tomorrow, Instant.parse("2026-11-27T03:30:00Z"))).then(
                ActivityReportDecider.recorded(REPORT, tomorrow, Instant.parse("2026-11-27T03:30:00Z")));
        spec().when(new RecordActivity(REPORT, at(home("97209")), EVENING))
                .thenRejected(Kind.UNPROCESSABLE, "commune-outside-territory");
        spec().when(new RecordActivity(REPORT, at(home(null)), EVENING))
                .thenRejected(Kind.UNPROCESSABLE, "venue-commune");
        spec().when(new RecordActivity(REPORT, at(new Venue(PlaceType.A_DISTANCE, null, "97302")), EVENING))
                .thenRejected(Kind.UNPROCESSABLE, "venue-commune");
        spec().when(new RecordActivity(REPORT, at(new Venue(PlaceType.LIEU_ACTIVITE, null, null)), EVENING))
                .thenRejected(Kind.UNPROCESSABLE, "venue-actor");
        spec().when(new RecordActivity(REPORT, at(Venue.of(PlaceType.A_DISTANCE)), EVENING)).then(
                ActivityReportDecider.recorded(REPORT, at(Venue.of(PlaceType.A_DISTANCE)), EVENING));
    }

    @Test
    void noEquipmentIsNamedAlone() {
        Activity i = individual();
        spec().when(new RecordActivity(REPORT, new Activity(i.territory(), ACTOR, i.type(), TODAY, 45, i.place(),
                        List.of(Equipment.AUCUN, Equipment.TELEPHONE), i.themes(), null, null, MEDIATOR, null,
                        i.participants(), Counted.NOBODY, null), EVENING))
                .thenRejected(Kind.UNPROCESSABLE, "equipment-aucun-alone");
    }

    @Test
    void aCorrectionRecordsTheActivityAgainInItsTerritory() {
        ActivityRecorded first = ActivityReportDecider.recorded(REPORT, individual(), EVENING);
        Instant later = EVENING.plusSeconds(3600);
        Activity autonomous = individual(List.of(new ActivityParticipant(beneficiary(1), Autonomy.AUTONOME)),
                Counted.NOBODY);
        ActivityReportState.Recorded corrected = (ActivityReportState.Recorded) spec().given(first)
                .when(new CorrectActivity(REPORT, autonomous, later))
                .then(ActivityReportDecider.recorded(REPORT, autonomous, later));
        assertThat(corrected.activity().participants().get(0).autonomy()).isEqualTo(Autonomy.AUTONOME);
        // the same report again changes nothing; a report is recorded once; another territory is refused
        spec().given(first).when(new CorrectActivity(REPORT, individual(), later)).then();
        spec().given(first).when(new RecordActivity(REPORT, individual(), later)).then();
        spec().given(first).when(new RecordActivity(REPORT, autonomous, later))
                .thenRejected(Kind.CONFLICT, "activity-already-recorded");
        Activity i = individual();
        spec().given(first).when(new CorrectActivity(REPORT, new Activity(Territory.MQ, ACTOR, i.type(), TODAY, 45,
                        home("97209"), i.equipment(), i.themes(), null, null, MEDIATOR, null, i.participants(),
                        Counted.NOBODY, null), later)).thenRejected(Kind.UNPROCESSABLE, "territory-changed");
        spec().when(new CorrectActivity(REPORT, individual(), later))
                .thenRejected(Kind.NOT_FOUND, "activity-report-not-found");
    }

    @Test
    void aCorrectionIsJudgedOnItsOwnTimeNotTheFirstRecords() {
        // recorded on the 26th for the 26th; two days later the date is corrected to the 27th, a past day by then
        ActivityRecorded first = ActivityReportDecider.recorded(REPORT, individual(), EVENING);
        Activity i = individual();
        Activity nextDay = new Activity(i.territory(), ACTOR, i.type(), TODAY.plusDays(1), 45, i.place(),
                i.equipment(), i.themes(), null, null, MEDIATOR, null, i.participants(), Counted.NOBODY,
                i.redirection());
        Instant twoDaysLater = EVENING.plusSeconds(2 * 24 * 3600);
        spec().given(first).when(new CorrectActivity(REPORT, nextDay, twoDaysLater))
                .then(ActivityReportDecider.recorded(REPORT, nextDay, twoDaysLater));
    }

    private static Activity at(Venue place) {
        Activity i = individual();
        return new Activity(i.territory(), ACTOR, i.type(), TODAY, 45, place, i.equipment(), i.themes(), null, null,
                MEDIATOR, null, i.participants(), Counted.NOBODY, i.redirection());
    }
}
