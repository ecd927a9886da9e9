package fr.hubag.contracts.sessions;

import fr.hubag.domain.Coded;

/**
 * The equipment used during an activity (the national mediators' tool's *matériel utilisé*): several may be named,
 * {@code aucun} alone.
 */
public enum Equipment implements Coded {
    ORDINATEUR("ordinateur"),
    TELEPHONE("telephone"),
    TABLETTE("tablette"),
    AUTRE("autre"),
    AUCUN("aucun");

    private final String code;

    Equipment(String code) { this.code = code; }

    @Override
    public String code() { return code; }
}
