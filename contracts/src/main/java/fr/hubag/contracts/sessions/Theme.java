package fr.hubag.contracts.sessions;

import fr.hubag.domain.Coded;

/**
 * The themes of a session: the national mediators' tool's digital themes, then its administrative-procedure themes,
 * by their codes (one list, so that a session mixing both needs no second field).
 */
public enum Theme implements Coded {
    DIAGNOSTIC_NUMERIQUE("diagnostic_numerique"),
    PRENDRE_EN_MAIN_DU_MATERIEL("prendre_en_main_du_materiel"),
    MAINTENANCE_DE_MATERIEL("maintenance_de_materiel"),
    GERE_SES_CONTENUS_NUMERIQUES("gere_ses_contenus_numeriques"),
    NAVIGATION_SUR_INTERNET("navigation_sur_internet"),
    EMAIL("email"),
    BUREAUTIQUE("bureautique"),
    RESEAUX_SOCIAUX("reseaux_sociaux"),
    SANTE("sante"),
    BANQUE_ET_ACHATS_EN_LIGNE("banque_et_achats_en_ligne"),
    ENTREPRENEURIAT("entrepreneuriat"),
    INSERTION_PROFESSIONNELLE("insertion_professionnelle"),
    SECURITE_NUMERIQUE("securite_numerique"),
    PARENTALITE("parentalite"),
    SCOLARITE_ET_NUMERIQUE("scolarite_et_numerique"),
    CREER_AVEC_LE_NUMERIQUE("creer_avec_le_numerique"),
    CULTURE_NUMERIQUE("culture_numerique"),
    INTELLIGENCE_ARTIFICIELLE("intelligence_artificielle"),
    AIDE_AUX_DEMARCHES_ADMINISTRATIVES("aide_aux_demarches_administratives"),
    PAPIERS_ELECTIONS_CITOYENNETE("papiers_elections_citoyennete"),
    FAMILLE_SCOLARITE("famille_scolarite"),
    SOCIAL_SANTE("social_sante"),
    TRAVAIL_FORMATION("travail_formation"),
    LOGEMENT("logement"),
    TRANSPORTS_MOBILITE("transports_mobilite"),
    ARGENT_IMPOTS("argent_impots"),
    JUSTICE("justice"),
    ETRANGERS_EUROPE("etrangers_europe"),
    LOISIRS_SPORTS_CULTURE("loisirs_sports_culture"),
    ASSOCIATIONS("associations");

    private final String code;

    Theme(String code) { this.code = code; }

    @Override
    public String code() { return code; }
}
