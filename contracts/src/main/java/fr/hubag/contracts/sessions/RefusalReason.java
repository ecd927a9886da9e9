package fr.hubag.contracts.sessions;

import fr.hubag.domain.Coded;

/** Why hub staff refuse a referral: codes, never free text (which could name the person). */
public enum RefusalReason implements Coded {
    HORS_TERRITOIRE("hors_territoire"),
    HORS_PERIMETRE("hors_perimetre"),
    DOUBLON("doublon"),
    PAS_DE_CAPACITE("pas_de_capacite"),
    PERSONNE_INJOIGNABLE("personne_injoignable"),
    AUTRE("autre");

    private final String code;

    RefusalReason(String code) { this.code = code; }

    @Override
    public String code() { return code; }
}
