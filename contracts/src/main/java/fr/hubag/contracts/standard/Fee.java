package fr.hubag.contracts.standard;

import fr.hubag.domain.Coded;

/** What access costs: the standard's {@code frais_a_charge} (v1.0.2). */
public enum Fee implements Coded {
    GRATUIT("Gratuit"),
    GRATUIT_SOUS_CONDITION("Gratuit sous condition"),
    PAYANT("Payant");

    private final String code;

    Fee(String code) { this.code = code; }

    @Override
    public String code() { return code; }
}
