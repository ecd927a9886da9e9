package fr.hubag.projection.support;

/**
 * The definition of a place's free-text columns that the projector computes (SearchColumns, V128): V126's
 * expressions over the place's words ({@code search_text}) and its commune's ({@code commune_key}), as PostgreSQL
 * generated them before. Tests compare the projector's columns with these.
 */
public final class SearchDefinition {

    private SearchDefinition() {}

    /** {@code search_head}: the first word when it is letters only. */
    public static String head(String text) {
        return "substring(" + text + " FROM '^([a-z]+)(?: |$)')";
    }

    /** {@code search_other}: the other words (all without a head), without the commune's. */
    public static String other(String text, String commune) {
        return "ts_delete(array_to_tsvector(string_to_array(regexp_replace(" + text + ", '^[a-z]+( |$)', ''), ' ')), "
                + "string_to_array(coalesce(" + commune + ", ''), ' '))";
    }

    /** {@code search_pairs}: each of {@link #other}'s words prefixed with the head and '^'; null without a head. */
    public static String pairs(String text, String commune) {
        String prefix = head(text) + " || '^\\1'";
        return "ts_delete(array_to_tsvector(string_to_array(regexp_replace(regexp_replace(" + text
                + ", '^[a-z]+( |$)', ''), '([a-z0-9]+)', " + prefix + ", 'g'), ' ')), string_to_array(regexp_replace("
                + "coalesce(" + commune + ", ''), '([a-z0-9]+)', " + prefix + ", 'g'), ' '))";
    }
}
