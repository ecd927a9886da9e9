package fr.hubag.sessions.domain;

import fr.hubag.contracts.sessions.ActivityParticipant;
import fr.hubag.contracts.sessions.AgeBand;
import fr.hubag.contracts.sessions.Equipment;
import fr.hubag.contracts.sessions.Gender;
import fr.hubag.contracts.sessions.Level;
import fr.hubag.contracts.sessions.Redirection;
import fr.hubag.contracts.sessions.SessionType;
import fr.hubag.contracts.sessions.SocialStatus;
import fr.hubag.contracts.sessions.Theme;
import fr.hubag.contracts.sessions.Venue;
import fr.hubag.domain.Territory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What can be asked of an activity report (a mediation recorded after the fact, the national mediators' tool's
 * *compte rendu d'activité*). {@code at} is when the command was received: the decider's only clock, so that "is
 * this date in the future?" is decided on the command, in the territory's zone.
 */
public sealed interface ActivityReportCommand {

    UUID reportId();

    Instant at();

    record RecordActivity(UUID reportId, Activity activity, Instant at) implements ActivityReportCommand {}

    /** The report as it should have been: recorded again, the last one counts. The territory stays the report's. */
    record CorrectActivity(UUID reportId, Activity activity, Instant at) implements ActivityReportCommand {}

    /**
     * An activity as a mediator reports it: {@code date} is the local date in the territory, {@code place} where it
     * happened, {@code participants} the people named by pseudonymous id, {@code anonymous} those only counted.
     */
    record Activity(Territory territory, UUID actorId, SessionType type, LocalDate date, int durationMinutes,
                    Venue place, List<Equipment> equipment, List<Theme> themes, String title, Level level,
                    UUID mediatorId, String programme, List<ActivityParticipant> participants, Counted anonymous,
                    Redirection redirection) {

        public Activity {
            equipment = List.copyOf(equipment);
            themes = List.copyOf(themes);
            participants = List.copyOf(participants);
        }
    }

    /**
     * People counted without a name, as far as the mediator knows them: each breakdown may be partial (the rest
     * is {@code non_communique}), none may count more than {@code total}.
     */
    record Counted(int total, int alreadyAccompanied, Map<Gender, Integer> genders, Map<AgeBand, Integer> ageBands,
                   Map<SocialStatus, Integer> socialStatuses) {

        public static final Counted NOBODY = new Counted(0, 0, Map.of(), Map.of(), Map.of());

        public Counted {
            genders = Map.copyOf(genders);
            ageBands = Map.copyOf(ageBands);
            socialStatuses = Map.copyOf(socialStatuses);
        }
    }
}
