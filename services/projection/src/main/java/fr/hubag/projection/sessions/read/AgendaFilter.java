package fr.hubag.projection.sessions.read;

import java.time.LocalDate;

/**
 * What the agenda is asked for: workshops starting from {@code from} (a local date of the territory) to {@code to}
 * (inclusive, null: no end), in a commune (INSEE code), on a theme, at a level (codes; null: any).
 */
public record AgendaFilter(LocalDate from, LocalDate to, String commune, String theme, String level) {}
