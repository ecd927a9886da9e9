package fr.hubag.contracts.sessions;

import fr.hubag.domain.Coded;

/**
 * How autonomous a beneficiary was at the end of a session (national mediators' tool): what the trajectories
 * measure.
 */
public enum Autonomy implements Coded {
    ENTIEREMENT_ACCOMPAGNE("entierement_accompagne"),
    PARTIELLEMENT_AUTONOME("partiellement_autonome"),
    AUTONOME("autonome");

    private final String code;

    Autonomy(String code) { this.code = code; }

    @Override
    public String code() { return code; }
}
