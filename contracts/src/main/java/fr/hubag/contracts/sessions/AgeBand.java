package fr.hubag.contracts.sessions;

import fr.hubag.domain.Coded;

/**
 * Age bands of the national mediators' tool (*tranche d'âge*): how activities count people without a birth date, and
 * what a beneficiary's record publishes instead of the birth year (computed from it alone, as the age the person
 * reaches in the given year).
 */
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

    /** The band of someone born in {@code birthYear} (null: not given) in the year {@code year}. */
    public static AgeBand of(Integer birthYear, int year) {
        if (birthYear == null) {
            return NON_COMMUNIQUE;
        }
        int age = year - birthYear;
        if (age < 12) return MOINS_DE_DOUZE;
        if (age < 18) return DOUZE_DIX_HUIT;
        if (age < 25) return DIX_HUIT_VINGT_QUATRE;
        if (age < 40) return VINGT_CINQ_TRENTE_NEUF;
        if (age < 60) return QUARANTE_CINQUANTE_NEUF;
        if (age < 70) return SOIXANTE_SOIXANTE_NEUF;
        return SOIXANTE_DIX_PLUS;
    }
}
