package fr.hubag.projection.actors.read;

import fr.hubag.projection.shared.Cursor;
import fr.hubag.projection.shared.Page;

import java.util.List;

/**
 * Listings of places in the order they are shown, {@code (lower(name), actor_id)}, read from the indexes of V102
 * (or, for a label, from its grants, which V104 keeps in that order) a page at a time: after a cursor (keyset)
 * rather than by skipping rows, one row more than the page to learn whether another follows, and a count that stops
 * at {@link #COUNT_CAP} rather than visiting every match.
 */
final class NameOrder {

    /** Beyond this many matches a listing says "more than" instead of counting them all. */
    static final int COUNT_CAP = 1000;

    private NameOrder() {}

    /**
     * {@code SELECT actor_id, sort_name} of the page: at most {@code limit} rows after {@code after} (when given),
     * {@code offset} rows skipped first. Its values are appended to {@code params}, which must hold the filter's.
     */
    static String page(PlaceFilter.Where where, List<Object> params, Cursor after, int limit, long offset) {
        String key = where.sortKey();
        String id = where.id();
        StringBuilder sql = new StringBuilder("SELECT " + (where.distinct() ? "DISTINCT " : "") + id
                + " AS actor_id, " + key + " AS sort_name FROM ").append(where.from()).append(" WHERE ")
                .append(where.sql());
        if (after != null) {
            params.add(after.sortKey());
            params.add(after.id());
            sql.append(" AND (" + key + ", " + id + ") > ($").append(params.size() - 1).append("::text, $")
                    .append(params.size()).append("::uuid)");
        }
        params.add(limit);
        sql.append(" ORDER BY " + key + ", " + id + " LIMIT $").append(params.size());
        if (offset > 0) {
            params.add(offset);
            sql.append(" OFFSET $").append(params.size());
        }
        return sql.toString();
    }

    /** {@code SELECT count(*) AS total} of the matches, up to one more than the cap. */
    static String count(PlaceFilter.Where where, List<Object> params) {
        params.add(COUNT_CAP + 1);
        // distinct rows in name order, so the planner keeps to the index and stops at the cap
        String rows = where.distinct() ? "DISTINCT " + where.sortKey() + ", " + where.id() : "1";
        return "SELECT count(*) AS total FROM (SELECT " + rows + " FROM " + where.from() + " WHERE " + where.sql()
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
