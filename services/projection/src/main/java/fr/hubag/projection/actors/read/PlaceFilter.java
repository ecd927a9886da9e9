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

    /** The WHERE condition over {@code places p}, and its parameters; the first is always the day ($1). */
    public Where where(Scope scope, boolean onlyWithCoordinates) {
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
        add(clauses, params, textQuery, "p.search @@ to_tsquery('simple', $%d)");
        add(clauses, params, inseeCode, "p.insee_code = $%d");
        add(clauses, params, communeKey, "p.commune_key = $%d");
        add(clauses, params, service, "p.services @> ARRAY[$%d::text]");
        add(clauses, params, publicValue, "p.publics @> ARRAY[$%d::text]");
        add(clauses, params, typology, "p.typologies @> ARRAY[$%d::text]");
        if (modality != null) {
            String column = Vocabulary.ACCESS_MODES.contains(modality) ? "p.access_modes" : "p.support_modes";
            add(clauses, params, modality, column + " @> ARRAY[$%d::text]");
        }
        add(clauses, params, label, "EXISTS (SELECT 1 FROM " + scope.table("label_grants")
                + " g WHERE g.actor_id = p.actor_id AND g.label = $%d AND " + Sql.held("g", "$1") + ")");
        return new Where(String.join(" AND ", clauses), params);
    }

    private static void add(List<String> clauses, List<Object> params, String value, String clause) {
        if (value != null) {
            params.add(value);
            clauses.add(clause.formatted(params.size()));
        }
    }

    /** A SQL condition and the values of its {@code $n} parameters, in order. */
    public record Where(String sql, List<Object> params) {

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
