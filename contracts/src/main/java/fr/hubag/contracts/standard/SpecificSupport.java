package fr.hubag.contracts.standard;

import fr.hubag.domain.Coded;

/** Particular needs a place can support: the standard's {@code prise_en_charge_specifique} (v1.0.2). */
public enum SpecificSupport implements Coded {
    SURDITE("Surdité"),
    HANDICAPS_MOTEURS("Handicaps moteurs"),
    HANDICAPS_MENTAUX("Handicaps mentaux"),
    ILLETTRISME("Illettrisme"),
    LANGUES_ETRANGERES_ANGLAIS("Langues étrangères (anglais)"),
    LANGUES_ETRANGERES_AUTRES("Langues étrangères (autres)"),
    DEFICIENCE_VISUELLE("Déficience visuelle");

    private final String code;

    SpecificSupport(String code) { this.code = code; }

    @Override
    public String code() { return code; }
}
