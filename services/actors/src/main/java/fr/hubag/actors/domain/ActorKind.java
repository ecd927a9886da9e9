package fr.hubag.actors.domain;

import fr.hubag.eventsourcing.decider.Coded;

/** What kind of structure an actor of the mediation network is (codes as stored and published). */
public enum ActorKind implements Coded {
    ASSOCIATION("association"),
    EPN("epn"),
    TIERS_LIEU("tiers_lieu"),
    FRANCE_SERVICES("france_services"),
    MAIRIE("mairie"),
    BIBLIOTHEQUE("bibliotheque"),
    CCAS("ccas"),
    ENTREPRISE("entreprise"),
    AUTRE("autre");

    private final String code;

    ActorKind(String code) { this.code = code; }

    @Override
    public String code() { return code; }
}
