package fr.hubag.contracts.sessions;

import fr.hubag.domain.Coded;

/** Social status of the national mediators' tool (*statut social*), counted, never tied to a name. */
public enum SocialStatus implements Coded {
    SCOLARISE("scolarise"),
    SANS_EMPLOI("sans_emploi"),
    EN_EMPLOI("en_emploi"),
    RETRAITE("retraite"),
    NON_COMMUNIQUE("non_communique");

    private final String code;

    SocialStatus(String code) { this.code = code; }

    @Override
    public String code() { return code; }
}
