package fr.hubag.contracts.standard;

import fr.hubag.domain.Coded;

/**
 * National schemes a place declares it belongs to: the standard's {@code dispositif_programmes_nationaux}
 * (v1.0.2). A declaration, unlike a {@link fr.hubag.contracts.actors.Label}, which a coordinator grants over a
 * period.
 */
public enum Programme implements Coded {
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

    Programme(String code) { this.code = code; }

    @Override
    public String code() { return code; }
}
