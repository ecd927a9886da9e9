package fr.hubag.contracts.standard;

import fr.hubag.domain.Coded;

/** How to get to a place's services: the standard's {@code modalites_acces} (v1.0.2). */
public enum AccessMode implements Coded {
    SE_PRESENTER("Se présenter"),
    TELEPHONER("Téléphoner"),
    CONTACTER_PAR_MAIL("Contacter par mail"),
    PRENDRE_UN_RDV_EN_LIGNE("Prendre un RDV en ligne"),
    N_ACCUEILLE_PAS_DE_PUBLIC("Ce lieu n'accueille pas de public"),
    FICHE_DE_PRESCRIPTION("Envoyer un mail avec une fiche de prescription");

    private final String code;

    AccessMode(String code) { this.code = code; }

    @Override
    public String code() { return code; }
}
