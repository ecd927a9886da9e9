package fr.hubag.actors.domain.place;

/**
 * The kinds of warning a reading can give, as stable codes: an import report counts its warnings by these codes,
 * so a coordinator sees at a glance what was corrected in a file. Documented in docs/actors.md; never renamed.
 */
public enum Correction {
    /** A value of the standard written loosely (case, accents): read as the standard's value. */
    VALUE_SPELLING("value-spelling-corrected"),
    /** A pre-1.0 value translated to its v1.0.2 equivalent. */
    LEGACY_VALUE_MAPPED("legacy-value-mapped"),
    /** A pre-1.0 value with no v1.0.2 equivalent (Tout public, APTIC): nothing recorded for it. */
    LEGACY_VALUE_DROPPED("legacy-value-dropped"),
    /** A former national label that v1.0.2 does not list: kept in autres_formations_labels. */
    LEGACY_LABEL_KEPT("legacy-label-kept-as-other"),
    /** Several values written in one, joined by spaces or new lines, each a known value: split. */
    MULTI_VALUE_SPLIT("multi-value-split"),
    /** A pre-1.0 column (courriel, labels_autres, accessibilite, pivot (siret ou rna)) read into its v1 column. */
    COLUMN_RENAMED("column-renamed"),
    /** An optional value that cannot be right (wrong form, another territory): left empty, the place kept. */
    OPTIONAL_VALUE_DROPPED("optional-value-dropped"),
    PHONE_LEADING_ZERO("phone-leading-zero-added"),
    PHONE_NORMALISED("phone-normalised"),
    PHONE_DROPPED("phone-dropped"),
    COORDINATES_SWAPPED("coordinates-swapped"),
    COORDINATES_DROPPED("coordinates-dropped"),
    COMMUNE_NAME("commune-name-corrected"),
    INSEE_FROM_GEOCODER("insee-from-geocoder"),
    SUMMARY_MOVED("summary-moved-to-detail"),
    PIVOT_UNKNOWN("pivot-unknown"),
    PIVOT_FLAG_IGNORED("pivot-unknown-flag-ignored"),
    DATE_MAJ_DEFAULTED("date-maj-defaulted");

    private final String code;

    Correction(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
