package fr.hubag.contracts.actors;

import fr.hubag.domain.Coded;

/** What an aidant does at an actor: the only attribute of an aidant, besides the name, that is ever published. */
public enum AidantRole implements Coded {
    MEDIATEUR_NUMERIQUE("mediateur_numerique"),
    CONSEILLER_NUMERIQUE("conseiller_numerique"),
    AIDANT_CONNECT("aidant_connect"),
    TRAVAILLEUR_SOCIAL("travailleur_social"),
    AGENT_ACCUEIL("agent_accueil"),
    BENEVOLE("benevole"),
    AUTRE("autre");

    private final String code;

    AidantRole(String code) { this.code = code; }

    @Override
    public String code() { return code; }
}
