package fr.hubag.contracts.sessions;

import fr.hubag.domain.Coded;

/** A beneficiary's social status, coarse, in the national mediators' tool's codes: published, never personal. */
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
