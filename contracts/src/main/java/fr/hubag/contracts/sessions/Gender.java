package fr.hubag.contracts.sessions;

import fr.hubag.domain.Coded;

/** A beneficiary's gender when they give it (national mediators' tool: optional, coarse): published as a count attribute. */
public enum Gender implements Coded {
    MASCULIN("masculin"),
    FEMININ("feminin"),
    NON_COMMUNIQUE("non_communique");

    private final String code;

    Gender(String code) { this.code = code; }

    @Override
    public String code() { return code; }
}
