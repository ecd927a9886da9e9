package fr.hubag.actors.domain.place;

/**
 * How lenient {@link PlaceReader} is. {@code acceptUnknownPivot}: the all-zeros pivot is taken as "unknown" without
 * the row saying so (for sources that cannot carry {@code pivot_inconnu}). {@code legacy}: the source is an older
 * export of the standard, so {@code ;} also separates values and pre-v1 values of {@code services} and
 * {@code modalites_accompagnement} are translated.
 */
public record ReadOptions(boolean acceptUnknownPivot, boolean legacy) {

    public static final ReadOptions STRICT = new ReadOptions(false, false);
}
