package fr.hubag.projection.support;

import fr.hubag.contracts.sessions.ActivityOrigin;
import fr.hubag.contracts.sessions.ActivityParticipant;
import fr.hubag.contracts.sessions.HeadCounts;
import fr.hubag.contracts.sessions.Level;
import fr.hubag.contracts.sessions.SessionEvent.ActivityRecorded;
import fr.hubag.contracts.sessions.SessionEvent.SessionScheduled;
import fr.hubag.contracts.sessions.SessionType;
import fr.hubag.contracts.sessions.Theme;
import fr.hubag.contracts.sessions.Venue;
import fr.hubag.domain.Territory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/** Sessions events as the sessions service decides them, with the values a test does not care about filled in. */
public final class Sessions {

    public static final Instant AT = Instant.parse("2026-11-27T12:00:00Z");
    public static final UUID ACTOR = UUID.fromString("0190f0a0-0000-7000-8000-000000000001");
    public static final UUID MEDIATOR = UUID.fromString("0190f0a0-0000-7000-8000-000000000002");

    private Sessions() {}

    /** A workshop planned at {@code localStart} in the territory's zone, {@code startsAt} computed as the service does. */
    public static SessionScheduled workshop(SessionStream stream, String territory, String title, Venue venue,
                                            List<Theme> themes, Level level, LocalDateTime localStart, int capacity) {
        Territory t = Territory.parse(territory).orElseThrow();
        return new SessionScheduled(stream.id(), t, ACTOR, SessionType.COLLECTIF, title, themes, level, venue,
                MEDIATOR, null, localStart, t.zone().getId(), localStart.atZone(t.zone()).toInstant(), 120, capacity,
                AT);
    }

    /** An activity as a report records it (origin report), on {@code stream}'s id. */
    public static ActivityRecorded activity(SessionStream stream, String territory, SessionType type, LocalDate date,
                                            int minutes, Venue place, List<Theme> themes,
                                            List<ActivityParticipant> participants, HeadCounts anonymous) {
        return new ActivityRecorded(stream.id(), ActivityOrigin.REPORT, Territory.parse(territory).orElseThrow(),
                ACTOR, type, date, minutes, place, List.of(), themes,
                type == SessionType.COLLECTIF ? "Atelier" : null, null, MEDIATOR, null, participants, anonymous, null, AT);
    }
}
