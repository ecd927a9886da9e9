package fr.hubag.sessions.api;

import fr.hubag.contracts.sessions.HeadCounts;
import fr.hubag.contracts.sessions.SessionEvent.ActivityRecorded;
import fr.hubag.domain.Coded;
import fr.hubag.sessions.api.SessionView.PlaceView;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An activity report as recorded, in the national vocabularies' codes — the same facts as its last
 * {@code ActivityRecorded}: anonymous counts complete (every code, adding up to the total), participants by
 * pseudonymous id — and the stream version to send back in {@code If-Match} for a correction.
 */
public record ActivityReportView(UUID id, String origin, String territory, UUID actorId, String type, LocalDate date,
                                 int durationMinutes, PlaceView place, List<String> equipment, List<String> themes,
                                 String title, String level, UUID mediatorId, String programme,
                                 List<ParticipantView> participants, HeadCounts anonymous,
                                 RedirectionView redirection, int headcount, Instant recordedAt, long version,
                                 @Schema(nullable = true, description = "the notes, opened with the person's key: "
                                         + "only in GET of the report (null when none, or once the person is erased)")
                                 String notes) {

    public record ParticipantView(UUID beneficiaryId, String autonomy) {}

    public record RedirectionView(String structureType, UUID actorId) {}

    static ActivityReportView of(ActivityRecorded a, long version) {
        return new ActivityReportView(a.activityId(), a.origin().code(), a.territory().name(), a.actorId(),
                a.type().code(), a.date(), a.durationMinutes(), new PlaceView(a.place().placeType().code(),
                a.place().actorId(), a.place().communeInseeCode()), codes(a.equipment()), codes(a.themes()),
                a.title(), a.level() == null ? null : a.level().code(), a.mediatorId(), a.programme(),
                a.participants().stream().map(p -> new ParticipantView(p.beneficiaryId(),
                        p.autonomy() == null ? null : p.autonomy().code())).toList(), a.anonymous(),
                a.redirection() == null ? null : new RedirectionView(a.redirection().structureType().code(),
                        a.redirection().actorId()), a.headcount(), a.occurredAt(), version, null);
    }

    ActivityReportView withNotes(String opened) {
        return new ActivityReportView(id, origin, territory, actorId, type, date, durationMinutes, place, equipment,
                themes, title, level, mediatorId, programme, participants, anonymous, redirection, headcount,
                recordedAt, version, opened);
    }

    private static List<String> codes(List<? extends Coded> values) {
        return values.stream().map(Coded::code).toList();
    }
}
