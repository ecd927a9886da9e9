package fr.hubag.projection.actors.read;

import fr.hubag.domain.Territory;
import fr.hubag.projection.shared.Cursor;
import fr.hubag.projection.shared.Scope;
import fr.hubag.projection.shared.rebuild.ServingSchemas;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Free text in name order, at a cost that does not follow the directory's size (V105). Names that share a word sort
 * together (every "Cyber-base …" after every "Centre social …"), so a walk of the name order can cross most of the
 * directory before its first match, and the GIN index hands the matches over in no order, so its path sorts them
 * all. The matches are therefore read in three parts, each in name order and a page at a time:
 * <ul>
 * <li>places whose first word ({@code search_head}) starts with a word asked: a B-tree on (first word, commune,
 * name) lists each first word's places of each commune in name order ({@link GroupMatches#byFirstWord}, V123), and a
 * word starts only a few first words (at most {@link #HEAD_CAP}, else the caller lists as before);</li>
 * <li>places with every word asked after their first, in a commune a word asked starts: the commune's B-tree lists
 * its places in name order ({@link GroupMatches#byCommune}), as names carry their commune after their first word
 * and a walk of the whole name order crossed every other commune first;</li>
 * <li>places with every word asked among their other words without the commune's ({@code search_other}: address,
 * summary, the rest of the name), which are spread along the name order, so a walk of the next names finds a page
 * when they are common; when it does not, or when the statistics say no common word starts with one of them, they
 * are rare, and the GIN index over {@code search_other} hands the places of the rarest word to be tested for the
 * others and sorted.</li>
 * </ul>
 * A match is in one part or more. The page is the first rows of their union; the count, capped, the union's, from
 * the same parts. The caller runs these statements in one repeatable-read transaction (one snapshot).
 */
@ApplicationScoped
class TextSearch {

    /** Beyond this many first words started by the words asked, the parts are too many: the plain listing serves. */
    static final int HEAD_CAP = 16;

    /** The names a first walk looks at to learn how common the matches are. */
    static final int PROBE = 250;

    private static final int COUNTED = NameOrder.COUNT_CAP + 1;
    private static final Pattern WORD = Pattern.compile("'([a-z0-9]+)':\\*");

    private final int window;
    private final GroupMatches groups;

    /**
     * @param window      the most names a walk may look at for a page (a test makes it tiny to take the other path)
     * @param countWindow the most places of a group a count in name order reads ({@link GroupMatches#COUNT_WINDOW}
     *                    unless set: a test makes it tiny to cut the count short)
     */
    TextSearch(@ConfigProperty(name = "hub.projection.text-window", defaultValue = "5000") int window,
               @ConfigProperty(name = "hub.projection.count-window") Optional<Integer> countWindow) {
        this.window = window;
        this.groups = new GroupMatches(PROBE, window, countWindow.orElse(GroupMatches.COUNT_WINDOW));
    }

    /** Up to {@code limit} matches after {@code after} (any order: the caller sorts them) and their capped count. */
    record Slice(List<UUID> page, long total) {}

    /** The slice of {@code filter} (which has words and no label), or empty when the plain listing must serve. */
    Uni<Optional<Slice>> find(SqlConnection conn, Scope scope, PlaceFilter filter, Cursor after, int limit) {
        List<String> words = words(filter.textQuery());
        return heads(conn, scope, words).chain(heads -> {
            if (heads.size() > HEAD_CAP) {
                return Uni.createFrom().item(Optional.<Slice>empty());
            }
            Set<UUID> page = new LinkedHashSet<>();
            Set<UUID> counted = new LinkedHashSet<>();
            return asked(conn, scope, words).chain(asked -> {
                Rare rare = asked.rarest();
                return groups.byFirstWord(conn, scope, filter, asked, heads, after, limit, page, counted)
                        .chain(() -> groups.byCommune(conn, scope, filter, asked, after, limit, page, counted))
                        .chain(() -> byRest(conn, scope, filter, rare, after, limit, page))
                        .chain(dense -> counted.size() >= COUNTED ? Uni.createFrom().voidItem()
                                : restCount(conn, scope, filter, rare, dense, counted));
            }).map(ignored -> Optional.of(new Slice(List.copyOf(page), counted.size())));
        });
    }

    /** The distinct first words starting with each word asked, in order; one more than the cap at most. */
    private static Uni<List<String>> heads(SqlConnection conn, Scope scope, List<String> words) {
        String places = scope.table("places");
        String next = "(SELECT min(p.search_head) FROM " + places + " p WHERE p.merged_into IS NULL AND p.search_head ";
        String sql = "SELECT DISTINCT x.h FROM unnest($1::text[]) w(w) CROSS JOIN LATERAL (WITH RECURSIVE heads(h) AS ("
                + "SELECT " + next + ">= w.w AND p.search_head < w.w || '{') UNION ALL SELECT " + next
                + "> heads.h AND p.search_head < w.w || '{') FROM heads WHERE heads.h IS NOT NULL) "
                + "SELECT h FROM heads WHERE h IS NOT NULL LIMIT " + (HEAD_CAP + 1) + ") x";
        return conn.preparedQuery(sql).execute(Tuple.of(words.toArray(String[]::new))).map(rows -> {
            List<String> heads = new ArrayList<>();
            rows.forEach(row -> heads.add(row.getString(0)));
            return heads;
        });
    }

    /**
     * The words asked, and how common each is among places' other words without their commune's, by the statistics
     * ANALYZE keeps of {@code search_other} (its most common lexemes and their frequencies, a prefix summing those it
     * starts): 0 when none starts with it, absent without statistics (a table never analysed). Read once a query, for
     * every part.
     */
    record Asked(List<String> words, Map<String, Double> frequency) {

        /**
         * The word asked that is rarest, and whether it is rarer than any common lexeme: the GIN index is then asked
         * for that word alone (its few places, the others tested on them) rather than for every word, which would
         * collect every place of a common word first. Without statistics, the first word, and a walk tells.
         */
        Rare rarest() {
            String rare = words.stream()
                    .min(Comparator.comparingDouble(word -> frequency.getOrDefault(word, Double.MAX_VALUE)))
                    .orElseThrow();
            return new Rare("'" + rare + "':*", Double.valueOf(0).equals(frequency.get(rare)));
        }
    }

    /**
     * The words asked with their frequencies ({@link Asked}). At hub scope, places is a view uniting the
     * territories' tables (V127), which have the statistics: a word's frequency is then theirs weighted by each
     * table's rows.
     */
    private static Uni<Asked> asked(SqlConnection conn, Scope scope, List<String> words) {
        List<String> schemas = (scope.territory().isPresent() ? List.of(scope)
                : Arrays.stream(Territory.values()).map(Scope::of).toList())
                .stream().map(s -> ServingSchemas.of(s.schema(), "places")).toList();
        String sql = "SELECT w.w, CASE WHEN bool_or(s.e IS NOT NULL) THEN sum(s.n * (SELECT coalesce(sum(m.f), 0) "
                + "FROM unnest(s.e, s.f) m(e, f) WHERE starts_with(m.e, w.w))) / sum(s.n) END AS f "
                + "FROM unnest($1::text[]) w(w) LEFT JOIN (SELECT st.most_common_elems::text::text[] AS e, "
                + "st.most_common_elem_freqs AS f, greatest(c.reltuples, 1)::float8 AS n FROM pg_stats st "
                + "JOIN pg_namespace ns ON ns.nspname = st.schemaname "
                + "JOIN pg_class c ON c.relnamespace = ns.oid AND c.relname = st.tablename "
                + "WHERE st.schemaname = ANY($2) AND st.tablename = 'places' AND st.attname = 'search_other') s ON true "
                + "GROUP BY w.w";
        return conn.preparedQuery(sql).execute(Tuple.of(words.toArray(String[]::new), schemas.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, Double> frequency = new HashMap<>();
                    for (Row row : rows) {
                        if (row.getDouble("f") != null) {
                            frequency.put(row.getString("w"), row.getDouble("f"));
                        }
                    }
                    return new Asked(words, frequency);
                });
    }

    /** The query of the rarest word asked, and whether no common lexeme starts with it. */
    record Rare(String query, boolean unseen) {}

    /**
     * The first {@code limit} matches with every word after the first, after the cursor: by a walk of the next
     * names when they are there or the listing ends, else by the GIN index. A first walk of {@link #PROBE} names
     * tells how common they are: none there, they are rare (the index); some, a walk long enough for a page at that
     * rate, up to {@code window} names, is tried next. True when the walk found them common (one name in ten or
     * more), so that counting them by a walk is cheap too. A word no common lexeme starts is rare: straight to the
     * index.
     */
    private Uni<Boolean> byRest(SqlConnection conn, Scope scope, PlaceFilter filter, Rare rare, Cursor after,
                                int limit, Set<UUID> page) {
        if (rare.unseen()) {
            return byIndex(conn, scope, filter, rare, after, limit, page).replaceWith(false);
        }
        int probe = Math.min(PROBE, window);
        return walk(conn, scope, filter, after, limit, probe).chain(first -> {
            if (first.ids().size() >= limit) {
                return Uni.createFrom().item(first.keep(page));
            }
            long wider = first.ids().isEmpty() ? 0
                    : Math.min(window, (long) limit * probe / first.ids().size() * 2);
            Uni<Walk> next = wider > probe ? walk(conn, scope, filter, after, limit, (int) wider)
                    : Uni.createFrom().item(first);
            return next.chain(walked -> walked.ids().size() >= limit ? Uni.createFrom().item(walked.keep(page))
                    : windowRows(conn, scope, after, walked.window()).chain(names -> names < walked.window()
                            ? Uni.createFrom().item(walked.keep(page))
                            : byIndex(conn, scope, filter, rare, after, limit, page).replaceWith(false)));
        });
    }

    /** The matches a walk of {@code window} names met, and how far it went to meet the last. */
    private record Walk(List<UUID> ids, long seen, int window) {

        /** Adds the matches to the page; true when they were one name in ten or more. */
        boolean keep(Set<UUID> page) {
            page.addAll(ids);
            return !ids.isEmpty() && ids.size() * 10L >= seen;
        }
    }

    private static Uni<Walk> walk(SqlConnection conn, Scope scope, PlaceFilter filter, Cursor after, int limit,
                                  int window) {
        PlaceFilter.Where walked = filter.where(scope, false, PlaceFilter.Text.REST_WALKED);
        List<Object> params = walked.with(window, limit);
        int first = walked.next();
        String sql = "SELECT w.actor_id, w.seen FROM (SELECT p.actor_id, row_number() OVER (ORDER BY lower(p.name), "
                + "p.actor_id) AS seen, " + typed(walked) + " AS hit FROM " + scope.table("places") + " p WHERE "
                + "p.merged_into IS NULL" + after(after, params, "lower(p.name)")
                + " ORDER BY lower(p.name), p.actor_id LIMIT $"
                + first + ") w WHERE w.hit LIMIT $" + (first + 1);
        return conn.preparedQuery(sql).execute(Tuple.from(params)).map(rows -> {
            List<UUID> ids = new ArrayList<>(rows.size());
            long seen = 0;
            for (Row row : rows) {
                ids.add(row.getUUID("actor_id"));
                seen = row.getLong("seen");
            }
            return new Walk(ids, seen, window);
        });
    }

    /** How many names the next {@code window} after the cursor are: fewer when the listing ends there. */
    private static Uni<Long> windowRows(SqlConnection conn, Scope scope, Cursor after, int window) {
        List<Object> params = new ArrayList<>(List.of(window));
        String sql = "SELECT count(*) FROM (SELECT 1 FROM " + scope.table("places") + " p WHERE p.merged_into IS NULL"
                + after(after, params, "lower(p.name)") + " ORDER BY lower(p.name), p.actor_id LIMIT $1) w";
        return conn.preparedQuery(sql).execute(Tuple.from(params)).map(rows -> rows.iterator().next().getLong(0));
    }

    /**
     * The first {@code limit} rare matches after the cursor: all the places of the rarest word from the GIN index,
     * the other words tested on them, then sorted.
     */
    private static Uni<Void> byIndex(SqlConnection conn, Scope scope, PlaceFilter filter, Rare rare, Cursor after,
                                     int limit, Set<UUID> page) {
        PlaceFilter.Where indexed = filter.where(scope, false, PlaceFilter.Text.REST_WALKED);
        List<Object> params = indexed.with(rare.query(), limit);
        int n = indexed.next();
        String sql = "SELECT m.actor_id FROM (SELECT p.actor_id, lower(p.name) AS sort_name FROM "
                + scope.table("places") + " p WHERE " + typed(indexed) + " AND " + byRarest(n)
                + after(after, params, "lower(p.name)") + " OFFSET 0) m ORDER BY m.sort_name, m.actor_id LIMIT $"
                + (n + 1);
        return conn.preparedQuery(sql).execute(Tuple.from(params)).map(rows -> {
            addAll(rows, page);
            return null;
        });
    }

    /**
     * Up to the cap of the matches with every word after the first: walked when common, else by the GIN index
     * (the rarest word's places, the others tested on them).
     */
    private static Uni<Void> restCount(SqlConnection conn, Scope scope, PlaceFilter filter, Rare rare,
                                       boolean common, Set<UUID> counted) {
        PlaceFilter.Where where = filter.where(scope, false, PlaceFilter.Text.REST_WALKED);
        List<Object> params = common ? where.with(COUNTED) : where.with(rare.query(), COUNTED);
        int n = where.next();
        String sql = "SELECT p.actor_id FROM " + scope.table("places") + " p WHERE " + typed(where)
                + (common ? "" : " AND " + byRarest(n++)) + " LIMIT $" + n;
        return conn.preparedQuery(sql).execute(Tuple.from(params)).map(rows -> {
            addAll(rows, counted);
            return null;
        });
    }

    private static void addAll(RowSet<Row> rows, Set<UUID> ids) {
        rows.forEach(row -> ids.add(row.getUUID("actor_id")));
    }

    /**
     * The filter's condition, its first parameter (the day, which only a label or the labels shown use) typed, as
     * PostgreSQL must know every parameter's type.
     */
    static String typed(PlaceFilter.Where where) {
        return "$1::date IS NOT NULL AND " + where.sql();
    }

    /** The condition the GIN index over {@code search_other} serves: the rarest word, parameter {@code n}. */
    private static String byRarest(int n) {
        return "p.search_other @@ $" + n + "::text::tsquery";
    }

    /** {@code AND (key, p.actor_id) > cursor}, its values appended, or nothing without a cursor. */
    static String after(Cursor after, List<Object> params, String key) {
        if (after == null) {
            return "";
        }
        params.add(after.sortKey());
        params.add(after.id());
        return " AND (" + key + ", p.actor_id) > ($" + (params.size() - 1) + "::text, $" + params.size() + "::uuid)";
    }

    /** The words of a query {@link fr.hubag.projection.shared.SearchText#prefixQuery} wrote. */
    static List<String> words(String textQuery) {
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(textQuery);
        while (matcher.find()) {
            words.add(matcher.group(1));
        }
        return words;
    }
}
