package fr.hubag.projection.actors.read;

import fr.hubag.projection.shared.Cursor;
import fr.hubag.projection.shared.Page;
import fr.hubag.projection.shared.Scope;

import java.util.List;

/**
 * Listings of places in the order they are shown, {@code (lower(name), actor_id)}, read from the indexes of V102
 * a page at a time: after a cursor (keyset) rather than by skipping rows, one row more than the page to learn
 * whether another follows, and a count that stops at {@link #COUNT_CAP} rather than visiting every match.
 */
final class NameOrder {

    /** Beyond this many matches a listing says "more than" instead of counting them all. */
    static final int COUNT_CAP = 1000;

    static final String SORT_KEY = "lower(p.name)";

    private NameOrder() {}

    /**
     * {@code SELECT p.actor_id, sort_name} of the page: at most {@code limit} rows after {@code after} (when given),
     * {@code offset} rows skipped first. Its values are appended to {@code params}, which must hold the filter's.
     */
    static String page(Scope scope, PlaceFilter.Where where, List<Object> params, Cursor after, int limit,
                       long offset) {
        StringBuilder sql = new StringBuilder("SELECT p.actor_id, " + SORT_KEY + " AS sort_name FROM ")
                .append(scope.table("places")).append(" p WHERE ").append(where.sql());
        if (after != null) {
            params.add(after.sortKey());
            params.add(after.id());
            sql.append(" AND (" + SORT_KEY + ", p.actor_id) > ($").append(params.size() - 1).append("::text, $")
                    .append(params.size()).append("::uuid)");
        }
        params.add(limit);
        sql.append(" ORDER BY " + SORT_KEY + ", p.actor_id LIMIT $").append(params.size());
        if (offset > 0) {
            params.add(offset);
            sql.append(" OFFSET $").append(params.size());
        }
        return sql.toString();
    }

    /** {@code SELECT count(*) AS total} of the matches, up to one more than the cap. */
    static String count(Scope scope, PlaceFilter.Where where, List<Object> params) {
        params.add(COUNT_CAP + 1);
        return "SELECT count(*) AS total FROM (SELECT 1 FROM " + scope.table("places") + " p WHERE " + where.sql()
                + " LIMIT $" + params.size() + ") counted";
    }

    /** The page's rows beyond {@code size} are the sign of a next page: dropped, and the cursor set. */
    static <T> Page<T> trimmed(List<T> rows, List<Cursor> keys, int size) {
        if (rows.size() <= size) {
            return new Page<>(rows, null);
        }
        return new Page<>(List.copyOf(rows.subList(0, size)), keys.get(size - 1));
    }
}
