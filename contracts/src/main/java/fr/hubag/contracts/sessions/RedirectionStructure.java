package fr.hubag.contracts.sessions;

import fr.hubag.domain.Coded;

/**
 * The kind of structure a beneficiary was redirected to after an individual accompaniment (the national mediators'
 * tool's *structure de redirection*).
 */
public enum RedirectionStructure implements Coded {
    ADMINISTRATION("administration"),
    MEDIATION_NUMERIQUE("mediation_numerique"),
    OPERATEUR_OU_ORGANISME_EN_CHARGE("operateur_ou_organisme_en_charge"),
    AIDE_SOCIALE("aide_sociale"),
    INSERTION_PROFESSIONNELLE("insertion_professionnelle"),
    AIDE_AUX_DEMARCHES_ADMINISTRATIVES("aide_aux_demarches_administratives"),
    AUTRE("autre");

    private final String code;

    RedirectionStructure(String code) { this.code = code; }

    @Override
    public String code() { return code; }
}
