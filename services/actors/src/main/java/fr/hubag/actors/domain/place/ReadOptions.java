package fr.hubag.actors.domain.place;

import java.time.Instant;

/**
 * How lenient {@link PlaceReader} is. {@code acceptUnknownPivot}: the all-zeros pivot is taken as "unknown" without
 * the row saying so (for sources that cannot carry {@code pivot_inconnu}). {@code legacy}: the source is an older
 * export of the standard, so {@code ;} also separates values, pre-v1 values and columns are translated, and what is
 * unambiguous is corrected with a warning (see docs/actors.md). {@code importedAt}: when the file is read, the
 * date an older export's empty {@code date_maj} takes; null when there is none (the field is then required).
 */
public record ReadOptions(boolean acceptUnknownPivot, boolean legacy, Instant importedAt) {

    public static final ReadOptions STRICT = new ReadOptions(false, false, null);

    public ReadOptions(boolean acceptUnknownPivot, boolean legacy) {
        this(acceptUnknownPivot, legacy, null);
    }

    /** Corrections are made only on older exports: a file in v1.0.2 is read exactly as the standard says. */
    public boolean repairs() {
        return legacy;
    }
}
