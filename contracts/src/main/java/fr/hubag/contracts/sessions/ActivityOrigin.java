package fr.hubag.contracts.sessions;

import fr.hubag.domain.Coded;

/**
 * How an activity came to be recorded: a {@code report} written after the fact (the national tool's *compte rendu
 * d'activité*), or a scheduled {@code session} completed with attendance. Both give the same facts.
 */
public enum ActivityOrigin implements Coded {
    REPORT("report"),
    SESSION("session");

    private final String code;

    ActivityOrigin(String code) { this.code = code; }

    @Override
    public String code() { return code; }
}
