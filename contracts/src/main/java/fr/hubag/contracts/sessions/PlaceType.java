package fr.hubag.contracts.sessions;

import fr.hubag.domain.Coded;

/**
 * Where a session takes place, in the national mediators' tool's words: at a place of the census, at the person's
 * home, remotely, or elsewhere in a commune.
 */
public enum PlaceType implements Coded {
    LIEU_ACTIVITE("lieu_activite"),
    DOMICILE("domicile"),
    A_DISTANCE("a_distance"),
    AUTRE("autre");

    private final String code;

    PlaceType(String code) { this.code = code; }

    @Override
    public String code() { return code; }
}
