package fr.hubag.sessions.domain;

import fr.hubag.contracts.sessions.Level;
import fr.hubag.contracts.sessions.SessionType;
import fr.hubag.contracts.sessions.Theme;
import fr.hubag.contracts.sessions.Venue;

import java.util.List;
import java.util.UUID;

/**
 * What a session is about, apart from when: its type, title, themes, level, venue, mediator and funding programme.
 * Rescheduling never changes it.
 */
public record Plan(SessionType type, String title, List<Theme> themes, Level level, Venue venue, UUID mediatorId,
                   String programme) {

    public Plan {
        themes = themes == null ? List.of() : List.copyOf(themes);
    }
}
