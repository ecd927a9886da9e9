package fr.hubag.contracts.sessions;

import fr.hubag.domain.Coded;

/**
 * A person's gender as the national mediators' tool counts it (*genre*: the brief names no codes, these are the
 * tool's), only ever as a count or a coarse attribute of a pseudonymous beneficiary; {@code non_communique} when not
 * said.
 */
public enum Gender implements Coded {
    FEMININ("feminin"),
    MASCULIN("masculin"),
    NON_COMMUNIQUE("non_communique");

    private final String code;

    Gender(String code) { this.code = code; }

    @Override
    public String code() { return code; }
}
