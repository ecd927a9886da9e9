package fr.hubag.sessions.domain;

import fr.hubag.contracts.sessions.ActivityOrigin;
import fr.hubag.contracts.sessions.ActivityParticipant;
import fr.hubag.contracts.sessions.Equipment;
import fr.hubag.contracts.sessions.HeadCounts;
import fr.hubag.contracts.sessions.SessionEvent;
import fr.hubag.contracts.sessions.SessionEvent.ActivityRecorded;
import fr.hubag.contracts.sessions.SessionType;
import fr.hubag.domain.CommandRejected;
import fr.hubag.domain.Decider;
import fr.hubag.domain.Territory;
import fr.hubag.sessions.domain.ActivityReportCommand.Activity;
import fr.hubag.sessions.domain.ActivityReportCommand.CorrectActivity;
import fr.hubag.sessions.domain.ActivityReportCommand.Counted;
import fr.hubag.sessions.domain.ActivityReportCommand.RecordActivity;
import fr.hubag.sessions.domain.ActivityReportState.Recorded;
import fr.hubag.sessions.domain.ActivityReportState.Unrecorded;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The rules of an activity reported after the fact, in the national mediators' tool's shape: one person for an
 * individual accompaniment (named, or counted without a name), at least one for a workshop, which has a title; a
 * date that is not after today in the territory; counts that add up. A report is its own stream; its one fact,
 * {@code ActivityRecorded}, is the one a completed session also records, so statistics read one model. A
 * correction records it again (the last counts); the territory never changes.
 */
public final class ActivityReportDecider implements Decider<ActivityReportCommand, SessionEvent, ActivityReportState> {

    @Override
    public ActivityReportState initialState() {
        return new Unrecorded();
    }

    @Override
    public List<SessionEvent> decide(ActivityReportCommand command, ActivityReportState state) {
        return switch (command) {
            case RecordActivity record -> switch (state) {
                case Unrecorded none -> List.of(recorded(record.reportId(), record.activity(), record.at()));
                case Recorded done -> unchanged(done, record.activity()) ? List.of()
                        : rejectRecorded(record.reportId());
            };
            case CorrectActivity correct -> switch (state) {
                case Unrecorded none -> throw CommandRejected.notFound("activity-report-not-found",
                        "no activity report " + correct.reportId());
                case Recorded done -> correct(correct, done);
            };
        };
    }

    @Override
    public ActivityReportState evolve(ActivityReportState state, SessionEvent event) {
        return event instanceof ActivityRecorded activity ? new Recorded(activity) : state;
    }

    private static List<SessionEvent> rejectRecorded(UUID reportId) {
        throw CommandRejected.conflict("activity-already-recorded", "activity report " + reportId
                + " is recorded already: correct it instead");
    }

    private static List<SessionEvent> correct(CorrectActivity command, Recorded done) {
        Territory territory = done.activity().territory();
        if (command.activity().territory() != territory) {
            throw CommandRejected.unprocessable("territory-changed", "territory", "activity report "
                    + command.reportId() + " is of " + territory.name() + " for ever");
        }
        if (unchanged(done, command.activity())) {
            return List.of();
        }
        return List.of(recorded(command.reportId(), command.activity(), command.at()));
    }

    /** The same facts as recorded (whenever they were): nothing to record. Checked on the facts alone. */
    private static boolean unchanged(Recorded done, Activity activity) {
        return fact(done.activity().activityId(), activity, done.activity().occurredAt()).equals(done.activity());
    }

    /** The fact of a reported activity, once every rule holds. */
    static ActivityRecorded recorded(UUID reportId, Activity a, Instant at) {
        check(a, at);
        return fact(reportId, a, at);
    }

    private static ActivityRecorded fact(UUID reportId, Activity a, Instant at) {
        Counted c = a.anonymous();
        HeadCounts anonymous = HeadCounts.complete(c.total(), c.alreadyAccompanied(), c.genders(), c.ageBands(),
                c.socialStatuses());
        return new ActivityRecorded(reportId, ActivityOrigin.REPORT, a.territory(), a.actorId(), a.type(), a.date(),
                a.durationMinutes(), a.place(), a.equipment(), a.themes(), a.title(), a.level(), a.mediatorId(),
                a.programme(), a.participants(), anonymous, a.redirection(), at);
    }

    private static void check(Activity a, Instant at) {
        if (a.themes().isEmpty()) {
            throw CommandRejected.unprocessable("themes-missing", "themes", "an activity has at least one theme");
        }
        SessionDecider.checkDuration(a.durationMinutes());
        LocalDate today = LocalDate.ofInstant(at, a.territory().zone());
        if (a.date().isAfter(today)) {
            throw CommandRejected.unprocessable("activity-in-future", "date", "an activity is reported once it took "
                    + "place: " + a.date() + " is after today (" + today + ") in " + a.territory().label());
        }
        SessionDecider.checkVenue(a.place(), a.territory(), true);
        if (a.equipment().contains(Equipment.AUCUN) && a.equipment().size() > 1) {
            throw CommandRejected.unprocessable("equipment-aucun-alone", "equipment",
                    "aucun (no equipment) is named alone");
        }
        checkPeople(a);
        if (a.type() == SessionType.INDIVIDUEL) {
            if (a.level() != null) {
                throw CommandRejected.unprocessable("level-for-workshops", "level",
                        "only collective activities (workshops) have a level");
            }
        } else {
            if (a.title() == null) {
                throw CommandRejected.unprocessable("title-missing", "title", "a workshop has a title");
            }
            if (a.redirection() != null) {
                throw CommandRejected.unprocessable("redirection-for-individuals", "redirection",
                        "a redirection is recorded for an individual accompaniment");
            }
        }
    }

    private static void checkPeople(Activity a) {
        Set<UUID> named = new HashSet<>();
        for (int i = 0; i < a.participants().size(); i++) {
            ActivityParticipant participant = a.participants().get(i);
            if (!named.add(participant.beneficiaryId())) {
                throw CommandRejected.unprocessable("participant-repeated", "participants[" + i + "].beneficiaryId",
                        "beneficiary " + participant.beneficiaryId() + " is named twice");
            }
        }
        Counted counted = a.anonymous();
        atMostTotal(counted, "alreadyAccompanied", counted.alreadyAccompanied());
        atMostTotal(counted, "genders", sum(counted.genders()));
        atMostTotal(counted, "ageBands", sum(counted.ageBands()));
        atMostTotal(counted, "socialStatuses", sum(counted.socialStatuses()));
        int people = a.participants().size() + counted.total();
        if (a.type() == SessionType.INDIVIDUEL && people != 1) {
            throw CommandRejected.unprocessable("individual-one-person", "participants", "an individual "
                    + "accompaniment is for one person, named or counted: " + people + " given");
        }
        if (a.type() == SessionType.COLLECTIF && people == 0) {
            throw CommandRejected.unprocessable("participants-missing", "participants",
                    "a workshop has at least one participant, named or counted");
        }
    }

    private static void atMostTotal(Counted counted, String field, int count) {
        if (count > counted.total()) {
            throw CommandRejected.unprocessable("anonymous-counts-exceed-total", "anonymous." + field,
                    field + " counts " + count + " people of " + counted.total());
        }
    }

    private static int sum(Map<?, Integer> counts) {
        return counts.values().stream().filter(Objects::nonNull).mapToInt(Integer::intValue).sum();
    }
}
