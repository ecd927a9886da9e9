package fr.hubag.sessions.api;

import fr.hubag.contracts.sessions.Attendance;
import fr.hubag.contracts.sessions.Autonomy;
import fr.hubag.contracts.sessions.Level;
import fr.hubag.contracts.sessions.PlaceType;
import fr.hubag.contracts.sessions.SessionType;
import fr.hubag.contracts.sessions.Theme;
import fr.hubag.contracts.sessions.Venue;
import fr.hubag.domain.Coded;
import fr.hubag.domain.Dates;
import fr.hubag.domain.Territory;
import fr.hubag.servicekit.problem.Violations;
import fr.hubag.sessions.domain.Plan;
import fr.hubag.sessions.domain.SessionCommand;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The sessions' request bodies, and how each becomes a command: every field checked and converted in one pass, and
 * a 400 naming every field at fault (the domain's own rules — a commune of the territory, a title for a workshop —
 * are the decider's 422s). Codes are the national vocabularies' values.
 */
public final class SessionRequests {

    private SessionRequests() {}

    private static final String UUID_FORMAT = "uuid";

    public record PlaceRequest(
            @Schema(required = true, enumeration = {"lieu_activite", "domicile", "a_distance", "autre"},
                    description = "type de lieu of the national mediators' tool") String placeType,
            @Schema(format = UUID_FORMAT, description = "the census actor; only for lieu_activite") String actorId,
            @Schema(pattern = "^[0-9]{5}$", description = "a commune of the session's territory; only for autre")
            String communeInseeCode) {}

    public record ScheduleRequest(
            @Schema(required = true, enumeration = {"GP", "GF", "MQ", "MF"}) String territory,
            @Schema(required = true, format = UUID_FORMAT, description = "the census actor that runs the session")
            String actorId,
            @Schema(required = true, enumeration = {"individuel", "collectif"}) String type,
            @Schema(description = "required for collectif") String title,
            @Schema(required = true, description = "codes of the national mediators' tool's thematiques "
                    + "(docs/sessions.md), at least one") List<String> themes,
            @Schema(enumeration = {"debutant", "intermediaire", "avance"}, description = "collectif only")
            String level,
            @Schema(required = true) PlaceRequest place,
            @Schema(required = true, format = UUID_FORMAT, description = "an aidant of the census") String mediatorId,
            @Schema(description = "the funding programme, if any") String programme,
            @Schema(required = true, example = "2026-12-01T09:00", description = "local date and time, no offset: "
                    + "the territory gives the zone") String start,
            @Schema(required = true, minimum = "1", maximum = "1440") Integer durationMinutes,
            @Schema(minimum = "1", maximum = "500", description = "seats; 1 (the default) for individuel")
            Integer capacity) {}

    public record RescheduleRequest(
            @Schema(required = true, example = "2026-12-03T14:30", description = "local date and time, no offset")
            String start,
            @Schema(required = true, minimum = "1", maximum = "1440") Integer durationMinutes) {}

    public record CancelRequest(@Schema(required = true) String reason) {}

    public record EnrolmentRequest(
            @Schema(required = true, format = UUID_FORMAT, description = "the beneficiary's pseudonymous id")
            String beneficiaryId) {}

    public record PresenceRequest(
            @Schema(required = true, format = UUID_FORMAT) String beneficiaryId,
            @Schema(required = true, enumeration = {"unknown", "seen", "excused", "revoked", "noshow"})
            String attendance,
            @Schema(enumeration = {"entierement_accompagne", "partiellement_autonome", "autonome"})
            String autonomy) {}

    public record AttendanceRequest(
            @Schema(required = true) List<PresenceRequest> participants,
            @Schema(description = "true: the attendance is final and the session completed") Boolean complete) {}

    static SessionCommand.ScheduleSession schedule(ScheduleRequest r, UUID sessionId, Instant now) {
        Violations v = body(r);
        Optional<Territory> territory = v.oneOf("territory", r.territory(), Territory::parse,
                new Object[]{"GP", "GF", "MQ", "MF"});
        Optional<UUID> actor = uuid(v, "actorId", r.actorId(), true);
        Optional<SessionType> type = code(v, "type", r.type(), SessionType.class);
        String title = optionalText(v, "title", r.title(), 200);
        List<Theme> themes = themes(v, r.themes());
        Level level = r.level() == null ? null : code(v, "level", r.level(), Level.class).orElse(null);
        Optional<Venue> venue = venue(v, r.place());
        Optional<UUID> mediator = uuid(v, "mediatorId", r.mediatorId(), true);
        String programme = optionalText(v, "programme", r.programme(), 120);
        Optional<LocalDateTime> start = start(v, r.start());
        int duration = number(v, "durationMinutes", r.durationMinutes(), 1, 1440);
        boolean individual = type.filter(t -> t == SessionType.INDIVIDUEL).isPresent();
        int capacity = r.capacity() == null && individual ? 1 : number(v, "capacity", r.capacity(), 1, 500);
        v.throwIfAny();
        Plan plan = new Plan(type.orElseThrow(), title, themes, level, venue.orElseThrow(), mediator.orElseThrow(),
                programme);
        return new SessionCommand.ScheduleSession(sessionId, territory.orElseThrow(), actor.orElseThrow(), plan,
                start.orElseThrow(), duration, capacity, now);
    }

    static SessionCommand.RescheduleSession reschedule(RescheduleRequest r, UUID sessionId, Instant now) {
        Violations v = body(r);
        Optional<LocalDateTime> start = start(v, r.start());
        int duration = number(v, "durationMinutes", r.durationMinutes(), 1, 1440);
        v.throwIfAny();
        return new SessionCommand.RescheduleSession(sessionId, start.orElseThrow(), duration, now);
    }

    static SessionCommand.CancelSession cancel(CancelRequest r, UUID sessionId, Instant now) {
        Violations v = body(r);
        Optional<String> reason = v.text("reason", r.reason(), 500);
        v.throwIfAny();
        return new SessionCommand.CancelSession(sessionId, reason.orElseThrow(), now);
    }

    static SessionCommand.Enrol enrol(EnrolmentRequest r, UUID sessionId, Instant now) {
        Violations v = body(r);
        Optional<UUID> beneficiary = uuid(v, "beneficiaryId", r.beneficiaryId(), true);
        v.throwIfAny();
        return new SessionCommand.Enrol(sessionId, beneficiary.orElseThrow(), now);
    }

    static SessionCommand.RecordAttendance attendance(AttendanceRequest r, UUID sessionId, Instant now) {
        Violations v = body(r);
        List<SessionCommand.Presence> presences = new ArrayList<>();
        if (r.participants() == null) {
            v.add("participants", "is required (an empty list to complete a session without participants)");
        } else if (r.participants().size() > 500) {
            v.add("participants", "must hold at most 500 participants");
        } else {
            for (int i = 0; i < r.participants().size(); i++) {
                PresenceRequest p = r.participants().get(i);
                String at = "participants[" + i + "].";
                Optional<UUID> beneficiary = uuid(v, at + "beneficiaryId", p.beneficiaryId(), true);
                Optional<Attendance> attendance = code(v, at + "attendance", p.attendance(), Attendance.class);
                Autonomy autonomy = p.autonomy() == null ? null
                        : code(v, at + "autonomy", p.autonomy(), Autonomy.class).orElse(null);
                if (beneficiary.isPresent() && attendance.isPresent()) {
                    presences.add(new SessionCommand.Presence(beneficiary.get(), attendance.get(), autonomy));
                }
            }
        }
        v.throwIfAny();
        return new SessionCommand.RecordAttendance(sessionId, presences, Boolean.TRUE.equals(r.complete()), now);
    }

    private static Optional<Venue> venue(Violations v, PlaceRequest place) {
        if (place == null) {
            v.add("place", "is required");
            return Optional.empty();
        }
        Optional<PlaceType> type = code(v, "place.placeType", place.placeType(), PlaceType.class);
        Optional<UUID> actor = uuid(v, "place.actorId", place.actorId(), false);
        String commune = null;
        if (place.communeInseeCode() != null) {
            commune = v.matches("place.communeInseeCode", place.communeInseeCode(), "\\d{5}",
                    "an INSEE commune code of five digits").orElse(null);
        }
        String inseeCode = commune;
        return type.map(t -> new Venue(t, actor.orElse(null), inseeCode));
    }

    private static List<Theme> themes(Violations v, List<String> codes) {
        if (codes == null || codes.isEmpty()) {
            v.add("themes", "must name at least one theme");
            return List.of();
        }
        Set<Theme> themes = new LinkedHashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            code(v, "themes[" + i + "]", codes.get(i), Theme.class).ifPresent(themes::add);
        }
        if (themes.size() < codes.size() && v.ok()) {
            v.add("themes", "names a theme twice");
        }
        return List.copyOf(themes);
    }

    private static Optional<LocalDateTime> start(Violations v, String value) {
        if (value == null || value.isBlank()) {
            v.add("start", "is required");
            return Optional.empty();
        }
        try {
            LocalDateTime start = LocalDateTime.parse(value.strip());
            if (!Dates.plausible(start.toLocalDate())) {
                v.add("start", Dates.outOfRange());
                return Optional.empty();
            }
            return Optional.of(start);
        } catch (DateTimeParseException e) {
            v.add("start", "must be a local date and time as YYYY-MM-DDTHH:MM, without offset: the session's "
                    + "territory gives the zone");
            return Optional.empty();
        }
    }

    private static int number(Violations v, String field, Integer value, int min, int max) {
        if (value == null) {
            v.add(field, "is required");
            return 0;
        }
        if (value < min || value > max) {
            v.add(field, "must be from " + min + " to " + max);
        }
        return value;
    }

    static String optionalText(Violations v, String field, String value, int max) {
        return value == null ? null : v.text(field, value, max).orElse(null);
    }

    static Optional<UUID> uuid(Violations v, String field, String value, boolean required) {
        if (value == null) {
            if (required) {
                v.add(field, "is required");
            }
            return Optional.empty();
        }
        Optional<String> id = v.matches(field, value, "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}"
                + "-[0-9a-fA-F]{12}", "a UUID");
        return id.map(UUID::fromString);
    }

    static <T extends Enum<T> & Coded> Optional<T> code(Violations v, String field, String value,
                                                               Class<T> type) {
        return v.oneOf(field, value, c -> Coded.parse(type, c), Coded.codes(type));
    }

    static Violations body(Object request) {
        Violations v = new Violations();
        if (request == null) {
            v.add("body", "is required");
            v.throwIfAny();
        }
        return v;
    }
}
