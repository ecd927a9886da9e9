package fr.hubag.contracts.standard;

import fr.hubag.domain.Coded;

/** How people are supported: the standard's {@code modalites_accompagnement} (v1.0.2). */
public enum SupportMode implements Coded {
    EN_AUTONOMIE("En autonomie"),
    ACCOMPAGNEMENT_INDIVIDUEL("Accompagnement individuel"),
    DANS_UN_ATELIER_COLLECTIF("Dans un atelier collectif"),
    A_DISTANCE("À distance");

    private final String code;

    SupportMode(String code) { this.code = code; }

    @Override
    public String code() { return code; }
}
