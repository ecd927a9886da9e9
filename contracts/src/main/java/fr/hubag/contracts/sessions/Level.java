package fr.hubag.contracts.sessions;

import fr.hubag.domain.Coded;

/** The level of a workshop (national mediators' tool): only collective sessions have one. */
public enum Level implements Coded {
    DEBUTANT("debutant"),
    INTERMEDIAIRE("intermediaire"),
    AVANCE("avance");

    private final String code;

    Level(String code) { this.code = code; }

    @Override
    public String code() { return code; }
}
