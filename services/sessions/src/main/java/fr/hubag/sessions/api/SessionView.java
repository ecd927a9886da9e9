package fr.hubag.sessions.api;

import fr.hubag.domain.Coded;
import fr.hubag.sessions.domain.SessionCommand.Presence;
import fr.hubag.sessions.domain.SessionState;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A session as the write service knows it, in the national vocabularies' codes: when (local wall-clock time, the
 * territory's zone, the same instant in UTC), where, who runs it, its seats, waiting list and attendance, and the
 * stream version to send back in {@code If-Match}. Participants are pseudonymous ids.
 */
public record SessionView(UUID id, String territory, UUID actorId, String type, String title, List<String> themes,
                          String level, PlaceView place, UUID mediatorId, String programme, LocalDateTime start,
                          String zone, Instant startsAt, int durationMinutes, int capacity, int seatsLeft,
                          String status, List<UUID> enrolled, List<UUID> waiting, List<AttendanceView> attendance,
                          long version) {

    public record PlaceView(String placeType, UUID actorId, String communeInseeCode) {}

    public record AttendanceView(UUID beneficiaryId, String attendance, String autonomy) {
        static AttendanceView of(Presence presence) {
            return new AttendanceView(presence.beneficiaryId(), presence.attendance().code(),
                    presence.autonomy() == null ? null : presence.autonomy().code());
        }
    }

    static SessionView of(SessionState.Scheduled s, long version) {
        var plan = s.plan();
        return new SessionView(s.sessionId(), s.territory().name(), s.actorId(), plan.type().code(), plan.title(),
                plan.themes().stream().map(Coded::code).toList(), plan.level() == null ? null : plan.level().code(),
                new PlaceView(plan.venue().placeType().code(), plan.venue().actorId(),
                        plan.venue().communeInseeCode()), plan.mediatorId(), plan.programme(), s.localStart(),
                s.zone().getId(), s.startsAt(), s.durationMinutes(), s.capacity(), s.seatsLeft(),
                s.status().name().toLowerCase(java.util.Locale.ROOT), s.enrolled(), s.waiting(),
                s.attendance().values().stream().map(AttendanceView::of).toList(), version);
    }
}
