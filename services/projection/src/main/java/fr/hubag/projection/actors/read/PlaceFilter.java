package fr.hubag.projection.actors.read;

import fr.hubag.projection.actors.domain.Vocabulary;
import fr.hubag.projection.shared.Scope;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The directory's filters, already checked, and their translation to one SQL condition with numbered parameters.
 * Only the filters asked are in the SQL, so the planner sees a plain query each time (no {@code $1 IS NULL OR}).
 *
 * @param textQuery   a {@code tsquery} of word prefixes ({@link fr.hubag.projection.shared.SearchText}), or null
 * @param inseeCode   exact INSEE code, or null
 * @param communeKey  normalised commune name, or null
 * @param modality    an access mode or a support mode, or null
 * @param on          the day labels are looked at (the label filter and the labels shown)
 */
public record PlaceFilter(String textQuery, String inseeCode, String communeKey, String service, String publicValue,
                          String label, String modality, String typology, boolean includeClosed, LocalDate on) {

    /** No filter at all, labels as on {@code on}: what the export and the statistics look at. */
    public static PlaceFilter none(LocalDate on) {
        return new PlaceFilter(null, null, null, null, null, null, null, null, false, on);
    }

    /**
     * The WHERE condition over {@code places p}, and its parameters; the first is always the day ($1). With a label,
     * the rows are the label's grants joined to their places, which V104 keeps in name order.
     */
    public Where where(Scope scope, boolean onlyWithCoordinates) {
        return where(scope, onlyWithCoordinates, Text.SEARCH);
    }

    /** How the words asked are tested: on which tsvector, and whether its GIN index may serve (V105). */
    enum Text {
        /** On every word, by index or not, as the planner sees fit. */
        SEARCH("p.search @@ $%d::text::tsquery"),
        /**
         * On the words after the first without the commune's (search_other), row by row (TextSearch adds what its GIN
         * index may serve; the commune's words are matched by GroupMatches).
         */
        REST_WALKED("(p.search_other @@ $%d::text::tsquery) IS TRUE"),
        /** Not tested: the rows are known to match already. */
        NONE(null);

        final String clause;

        Text(String clause) {
            this.clause = clause;
        }
    }

    Where where(Scope scope, boolean onlyWithCoordinates, Text text) {
        if (label != null && !onlyWithCoordinates && textQuery == null && inseeCode == null && communeKey == null
                && publicValue == null && typology == null && modality == null) {
            return byGrants(scope);
        }
        List<Object> params = new ArrayList<>();
        params.add(on);
        List<String> clauses = new ArrayList<>();
        clauses.add("p.merged_into IS NULL");
        if (!includeClosed) {
            clauses.add("p.closed_on IS NULL");
        }
        if (onlyWithCoordinates) {
            clauses.add("p.latitude IS NOT NULL AND p.longitude IS NOT NULL");
        }
        if (text != Text.NONE) {
            add(clauses, params, textQuery, text.clause);
        }
        add(clauses, params, inseeCode, "p.insee_code = $%d");
        add(clauses, params, communeKey, "p.commune_key = $%d");
        add(clauses, params, service, "p.services @> ARRAY[$%d::text]");
        add(clauses, params, publicValue, "p.publics @> ARRAY[$%d::text]");
        add(clauses, params, typology, "p.typologies @> ARRAY[$%d::text]");
        if (modality != null) {
            String column = Vocabulary.ACCESS_MODES.contains(modality) ? "p.access_modes" : "p.support_modes";
            add(clauses, params, modality, column + " @> ARRAY[$%d::text]");
        }
        if (label == null) {
            return new Where(String.join(" AND ", clauses), params, scope.table("places") + " p", "lower(p.name)",
                    "p.actor_id", false);
        }
        // a label's grants in name order (V104), each joined to its place: two grants covering the day (the
        // actor's own and one carried by a merge) are one place
        add(clauses, params, label, "g.label = $%d AND " + Sql.held("g", "$1"));
        return new Where(String.join(" AND ", clauses), params, scope.table("label_grants") + " g JOIN "
                + scope.table("places") + " p ON p.actor_id = g.actor_id", "g.sort_name", "g.actor_id", true);
    }

    /**
     * A label alone or with a service: its grants in name order, which carry what is asked of their place (open, not
     * merged, its services: V121), so neither the page nor the count looks a place up. A grant without a sort key
     * has no place (never listed).
     */
    private Where byGrants(Scope scope) {
        List<Object> params = new ArrayList<>();
        params.add(on);
        List<String> clauses = new ArrayList<>();
        clauses.add("g.sort_name IS NOT NULL AND g.merged_into IS NULL");
        if (!includeClosed) {
            clauses.add("g.closed_on IS NULL");
        }
        add(clauses, params, service, "g.services @> ARRAY[$%d::text]");
        add(clauses, params, label, "g.label = $%d AND " + Sql.held("g", "$1"));
        return new Where(String.join(" AND ", clauses), params, scope.table("label_grants") + " g", "g.sort_name",
                "g.actor_id", true);
    }

    private static void add(List<String> clauses, List<Object> params, String value, String clause) {
        if (value != null) {
            params.add(value);
            clauses.add(clause.formatted(params.size()));
        }
    }

    /**
     * A SQL condition and the values of its {@code $n} parameters, in order; the rows it is over ({@code from}, with
     * {@code places p} in it) and, for listings in name order, their sort key and actor id, and whether the same
     * place can come twice ({@code distinct}).
     */
    public record Where(String sql, List<Object> params, String from, String sortKey, String id, boolean distinct) {

        /** The parameters with more appended (their numbers follow these). */
        public List<Object> with(Object... more) {
            List<Object> all = new ArrayList<>(params);
            all.addAll(java.util.Arrays.asList(more));
            return all;
        }

        public int next() {
            return params.size() + 1;
        }
    }
}
