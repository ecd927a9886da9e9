package fr.hubag.actors.domain;

import fr.hubag.eventsourcing.decider.Coded;

/**
 * Labels and national programmes an actor can hold, as time-bounded facts. The codes are the values of the
 * national standard's {@code dispositif_programmes_nationaux} (v1.0.2), plus APTIC, which that list lacks and the
 * vouchers service depends on.
 */
public enum Label implements Coded {
    APTIC("APTIC"),
    AIDANTS_CONNECT("Aidants Connect"),
    BIBLIOTHEQUES_NUMERIQUE_DE_REFERENCE("Bibliothèques numérique de référence"),
    CERTIFICATION_PIX("Certification PIX"),
    CONSEILLERS_NUMERIQUES("Conseillers numériques"),
    EMMAUS_CONNECT("Emmaüs Connect"),
    FRANCE_SERVICES("France Services"),
    GRANDE_ECOLE_DU_NUMERIQUE("Grande école du numérique"),
    LA_CROIX_ROUGE("La Croix Rouge"),
    POINT_D_ACCES_NUMERIQUE_CAF("Point d'accès numérique CAF"),
    PROMENEURS_DU_NET("Promeneurs du net"),
    RELAIS_NUMERIQUE_EMMAUS_CONNECT("Relais numérique (Emmaüs Connect)");

    private final String code;

    Label(String code) { this.code = code; }

    @Override
    public String code() { return code; }
}
