package fr.hubag.contracts.standard;

import fr.hubag.domain.Coded;

/**
 * Publics a place specifically addresses: the standard's {@code publics_specifiquement_adresses} (v1.0.2). Absent
 * means every public.
 */
public enum Public implements Coded {
    JEUNES("Jeunes"),
    ETUDIANTS("Étudiants"),
    FAMILLES_ET_OU_ENFANTS("Familles et/ou enfants"),
    SENIORS("Seniors"),
    FEMMES("Femmes");

    private final String code;

    Public(String code) { this.code = code; }

    @Override
    public String code() { return code; }
}
