package fr.hubag.contracts.sessions;

import fr.hubag.domain.Coded;

/**
 * Why a partner refers someone: the hub's own short list (the brief and the national tool name none), coarse on
 * purpose so that no free text about the person travels; the themes say what the person needs in detail.
 */
public enum ReferralReason implements Coded {
    DEMARCHE_EN_LIGNE("demarche_en_ligne"),
    ACCES_AUX_DROITS("acces_aux_droits"),
    RECHERCHE_EMPLOI("recherche_emploi"),
    AUTONOMIE_NUMERIQUE("autonomie_numerique"),
    EQUIPEMENT("equipement"),
    AUTRE("autre");

    private final String code;

    ReferralReason(String code) { this.code = code; }

    @Override
    public String code() { return code; }
}
