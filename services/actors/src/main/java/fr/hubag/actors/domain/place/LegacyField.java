package fr.hubag.actors.domain.place;

import java.util.Arrays;
import java.util.Optional;

/**
 * Columns of older exports of the same standard (before v1), still found in hub files, and the v1 column that takes
 * their values once translated by {@link LegacyVocabulary}. Problems about them are reported on that target field.
 */
public enum LegacyField {
    LABELS_NATIONAUX("labels_nationaux", StandardField.DISPOSITIF_PROGRAMMES_NATIONAUX),
    PUBLICS_ACCUEILLIS("publics_accueillis", StandardField.PUBLICS_SPECIFIQUEMENT_ADRESSES),
    CONDITIONS_ACCES("conditions_acces", StandardField.FRAIS_A_CHARGE);

    private final String columnName;
    private final StandardField target;

    LegacyField(String columnName, StandardField target) {
        this.columnName = columnName;
        this.target = target;
    }

    public String columnName() { return columnName; }

    /** The v1 field its values go to (and on which its problems are reported). */
    public StandardField target() { return target; }

    public static Optional<LegacyField> ofColumnName(String name) {
        return Arrays.stream(values()).filter(f -> f.columnName.equals(name)).findFirst();
    }
}
