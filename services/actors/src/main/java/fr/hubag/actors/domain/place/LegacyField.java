package fr.hubag.actors.domain.place;

import java.util.Arrays;
import java.util.Optional;

/**
 * Columns of older exports of the same standard (before v1), still found in hub files, and the v1 column that takes
 * their values: translated by {@link LegacyVocabulary}, or the same values under a former name. Problems about them
 * are reported on that target field. A geocoder's {@code result_*} columns (the national address base's CSV
 * geocoding, which older exports carry) and {@code cle_ban} are understood too: {@code result_citycode} can supply a
 * missing INSEE code; the others have no column in the standard.
 */
public enum LegacyField {
    LABELS_NATIONAUX("labels_nationaux", StandardField.DISPOSITIF_PROGRAMMES_NATIONAUX, Role.TRANSLATED),
    PUBLICS_ACCUEILLIS("publics_accueillis", StandardField.PUBLICS_SPECIFIQUEMENT_ADRESSES, Role.TRANSLATED),
    CONDITIONS_ACCES("conditions_acces", StandardField.FRAIS_A_CHARGE, Role.TRANSLATED),
    COURRIEL("courriel", StandardField.COURRIELS, Role.RENAMED),
    LABELS_AUTRES("labels_autres", StandardField.AUTRES_FORMATIONS_LABELS, Role.RENAMED),
    ACCESSIBILITE("accessibilite", StandardField.FICHE_ACCES_LIBRE, Role.RENAMED),
    PIVOT_SIRET_OU_RNA("pivot (siret ou rna)", StandardField.PIVOT, Role.RENAMED),
    PRESENTATION_RESUMEE("presentation_resumee", StandardField.PRESENTATION_RESUME, Role.RENAMED),
    RESULT_CITYCODE("result_citycode", StandardField.CODE_INSEE, Role.GEOCODER),
    RESULT_SCORE("result_score", StandardField.CODE_INSEE, Role.GEOCODER),
    CLE_BAN("cle_ban", StandardField.ADRESSE, Role.GEOCODER);

    /** What a legacy column is to the reader. */
    public enum Role {
        /** Values of a pre-1.0 vocabulary, translated. */
        TRANSLATED,
        /** The same values as a v1 column, under its former name. */
        RENAMED,
        /** A geocoder's output, not a column of the standard. */
        GEOCODER
    }

    private static final String GEOCODER_PREFIX = "result_";

    private final String columnName;
    private final StandardField target;
    private final Role role;

    LegacyField(String columnName, StandardField target, Role role) {
        this.columnName = columnName;
        this.target = target;
        this.role = role;
    }

    public String columnName() { return columnName; }

    /** The v1 field its values go to (and on which its problems are reported). */
    public StandardField target() { return target; }

    public Role role() { return role; }

    public static Optional<LegacyField> ofColumnName(String name) {
        return Arrays.stream(values()).filter(f -> f.columnName.equals(name)).findFirst();
    }

    /** True for a column that only an older export has: a file with one is read as an older export. */
    public static boolean marksOlderExport(String column) {
        return ofColumnName(column).filter(f -> f.role != Role.GEOCODER).isPresent();
    }

    /** True for any legacy or geocoder column: read, or knowingly left aside, never reported as unknown. */
    public static boolean understood(String column) {
        return ofColumnName(column).isPresent() || (column != null && column.startsWith(GEOCODER_PREFIX));
    }
}
