package fr.hubag.contracts.sessions;

import fr.hubag.domain.Coded;

/** Age bands of the national mediators' tool (*tranche d'âge*): how activities count people without a birth date. */
public enum AgeBand implements Coded {
    MOINS_DE_DOUZE("moins_de_douze"),
    DOUZE_DIX_HUIT("douze_dix_huit"),
    DIX_HUIT_VINGT_QUATRE("dix_huit_vingt_quatre"),
    VINGT_CINQ_TRENTE_NEUF("vingt_cinq_trente_neuf"),
    QUARANTE_CINQUANTE_NEUF("quarante_cinquante_neuf"),
    SOIXANTE_SOIXANTE_NEUF("soixante_soixante_neuf"),
    SOIXANTE_DIX_PLUS("soixante_dix_plus"),
    NON_COMMUNIQUE("non_communique");

    private final String code;

    AgeBand(String code) { this.code = code; }

    @Override
    public String code() { return code; }
}
