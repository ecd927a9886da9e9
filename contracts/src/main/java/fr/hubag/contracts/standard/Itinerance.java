package fr.hubag.contracts.standard;

import fr.hubag.domain.Coded;

/** Whether a place moves (a digital bus) or stays put: the standard's {@code itinerance} (v1.0.2). */
public enum Itinerance implements Coded {
    ITINERANT("Itinérant"),
    FIXE("Fixe");

    private final String code;

    Itinerance(String code) { this.code = code; }

    @Override
    public String code() { return code; }
}
