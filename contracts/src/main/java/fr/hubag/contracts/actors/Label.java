package fr.hubag.contracts.actors;

import fr.hubag.contracts.standard.Programme;
import fr.hubag.domain.Coded;

/**
 * Labels and national programmes an actor can hold, as time-bounded facts: every programme of the national
 * standard's {@code dispositif_programmes_nationaux} (v1.0.2, taken from {@link Programme} so the two lists cannot
 * drift apart), plus APTIC, which that list lacks and the vouchers service depends on.
 */
public enum Label implements Coded {
    APTIC("APTIC"),
    AIDANTS_CONNECT(Programme.AIDANTS_CONNECT),
    BIBLIOTHEQUES_NUMERIQUE_DE_REFERENCE(Programme.BIBLIOTHEQUES_NUMERIQUE_DE_REFERENCE),
    CERTIFICATION_PIX(Programme.CERTIFICATION_PIX),
    CONSEILLERS_NUMERIQUES(Programme.CONSEILLERS_NUMERIQUES),
    EMMAUS_CONNECT(Programme.EMMAUS_CONNECT),
    FRANCE_SERVICES(Programme.FRANCE_SERVICES),
    GRANDE_ECOLE_DU_NUMERIQUE(Programme.GRANDE_ECOLE_DU_NUMERIQUE),
    LA_CROIX_ROUGE(Programme.LA_CROIX_ROUGE),
    POINT_D_ACCES_NUMERIQUE_CAF(Programme.POINT_D_ACCES_NUMERIQUE_CAF),
    PROMENEURS_DU_NET(Programme.PROMENEURS_DU_NET),
    RELAIS_NUMERIQUE_EMMAUS_CONNECT(Programme.RELAIS_NUMERIQUE_EMMAUS_CONNECT);

    private final String code;

    Label(String code) { this.code = code; }

    Label(Programme programme) { this(programme.code()); }

    @Override
    public String code() { return code; }
}
