package fr.hubag.contracts.sessions;

import fr.hubag.domain.Coded;

/**
 * Individual accompaniment or collective workshop: the national mediators' tool's activity type (La Coop de la
 * médiation numérique, {@code individuel | collectif}).
 */
public enum SessionType implements Coded {
    INDIVIDUEL("individuel"),
    COLLECTIF("collectif");

    private final String code;

    SessionType(String code) { this.code = code; }

    @Override
    public String code() { return code; }
}
