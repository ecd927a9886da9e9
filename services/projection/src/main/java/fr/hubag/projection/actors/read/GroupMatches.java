package fr.hubag.projection.actors.read;

import fr.hubag.projection.shared.Cursor;
import fr.hubag.projection.shared.Scope;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Matches read group by group in name order, a group being the places of one commune, or of one first word in one
 * commune. Names that share a first word also share what follows, their commune, and a word asked is often a
 * commune's: a walk of the name order to test the words crossed whole communes that have none (every "Atelier
 * Ducos ..." before the first "Atelier Sainte-Marie ..."). Split by commune, each part is bounded:
 * <ul>
 * <li>a group whose commune's words start every word asked that its first word does not: all its places match,
 * listed in name order from a B-tree ({@link Keys});</li>
 * <li>a group leaving words to find among the place's other words without its commune's ({@code search_other}):
 * straight to a GIN index when the statistics say no common lexeme starts the rarest of them (a commune's word is
 * rarely there: {@code lamentin} outside Le Lamentin); else a first walk of each group's places tells whether they
 * are common there (walked) or not (the index).</li>
 * </ul>
 * The first-word groups ({@link #byFirstWord}, V123) ask the index over the first word paired with each other word
 * ({@code search_pairs}, V126), so a word common in the directory but not among that first word's places (a street's
 * name) costs its few postings there, not its many elsewhere. The commune groups ({@link #byCommune}) are the
 * communes a word asked starts, for the matches with every word after the first word. Each part adds its first
 * {@code limit} matches after the cursor to the page and up to the cap from the start to the count; the caller keeps
 * the first of the union in name order.
 */
final class GroupMatches {

    private static final int COUNTED = NameOrder.COUNT_CAP + 1;

    private final int probe;
    private final int window;
    private final int countWindow;

    /**
     * @param probe       the places of each commune a first walk looks at
     * @param window      the most a walk may look at for a page
     * @param countWindow the places of a group a count in order reads at most ({@link Count#IN_ORDER})
     */
    GroupMatches(int probe, int window, int countWindow) {
        this.probe = probe;
        this.window = window;
        this.countWindow = countWindow;
    }

    /** How a kind of group is keyed: its rows in name order, and the GIN condition of a group's rarest word left. */
    enum Keys {
        /** (first word, commune): {@code places_live_by_head} (V123), and {@code search_pairs} (V126). */
        FIRST_WORD("p.search_head = g.h AND p.commune_key = g.c", "p.sort_name") {
            @Override
            String rare(Group group, String word) {
                return "'" + group.head() + "^" + word + "':*";
            }

            @Override
            String indexed(List<Group> groups, List<Object> params) {
                params.add(column(groups, Group::head));
                params.add(column(groups, Group::commune));
                return "(p.search_head, p.commune_key) IN (SELECT * FROM unnest($" + (params.size() - 1)
                        + "::text[], $" + params.size() + "::text[])) AND p.search_pairs @@ ";
            }
        },
        /** A commune: {@code places_live_by_commune} (V103), and {@code search_other} (V123). */
        COMMUNE("p.commune_key = g.c", "lower(p.name)") {
            @Override
            String rare(Group group, String word) {
                return "'" + word + "':*";
            }

            @Override
            String indexed(List<Group> groups, List<Object> params) {
                params.add(column(groups, Group::commune));
                return "p.commune_key = ANY($" + params.size() + "::text[]) AND p.search_other @@ ";
            }
        };

        final String key;
        final String order;

        Keys(String key, String order) {
            this.key = key;
            this.order = order;
        }

        /** The query of a group's rarest word left, as its GIN index is keyed. */
        abstract String rare(Group group, String word);

        /** The groups' keys (their values appended to {@code params}), then the GIN column to ask, with "@@ ". */
        abstract String indexed(List<Group> groups, List<Object> params);
    }

    /** The places of one first word (null for a commune's) in one commune, and the words asked that neither starts. */
    record Group(String head, String commune, List<String> left) {

        /** The query of the words left, or null when every place of the group matches. */
        String query() {
            return left.isEmpty() ? null : String.join(" & ", left.stream().map(w -> "'" + w + "':*").toList());
        }
    }

    /** Adds the matches of {@code heads} (first words started by the words asked) to the page and the count. */
    Uni<Void> byFirstWord(SqlConnection conn, Scope scope, PlaceFilter filter, TextSearch.Asked asked,
                          List<String> heads, Cursor after, int limit, Set<UUID> page, Set<UUID> counted) {
        if (heads.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return groups(conn, scope, asked.words(), heads).chain(groups -> match(conn, scope, filter, Keys.FIRST_WORD,
                asked, groups, after, limit, page, counted));
    }

    /**
     * Adds the matches with every word asked after their first word, in the communes a word asked starts (the others'
     * matches have every word among {@code search_other}: the caller finds them) to the page and the count.
     */
    Uni<Void> byCommune(SqlConnection conn, Scope scope, PlaceFilter filter, TextSearch.Asked asked, Cursor after,
                        int limit, Set<UUID> page, Set<UUID> counted) {
        return communes(conn, scope, asked.words()).chain(groups -> match(conn, scope, filter, Keys.COMMUNE, asked,
                groups, after, limit, page, counted));
    }

    private Uni<Void> match(SqlConnection conn, Scope scope, PlaceFilter filter, Keys keys, TextSearch.Asked asked,
                            List<Group> groups, Cursor after, int limit, Set<UUID> page, Set<UUID> counted) {
        List<Group> walked = new ArrayList<>(groups.stream().filter(g -> g.left().isEmpty()).toList());
        List<Group> open = groups.stream().filter(g -> !g.left().isEmpty()).toList();
        if (open.isEmpty()) {
            return walk(conn, scope, filter, keys, walked, after, limit, page, counted, Count.IN_ORDER);
        }
        Map<String, Double> frequency = asked.frequency();
        List<Group> indexed = new ArrayList<>();
        List<Group> probed = new ArrayList<>();
        Map<Group, String> rarest = new HashMap<>();
        for (Group group : open) {
            String rare = group.left().stream().min((a, b) -> Double.compare(
                    frequency.getOrDefault(a, 0.0), frequency.getOrDefault(b, 0.0))).orElseThrow();
            rarest.put(group, keys.rare(group, rare));
            (Double.valueOf(0).equals(frequency.get(rare)) ? indexed : probed).add(group);
        }
        Set<Group> sparse = new HashSet<>();
        return classify(conn, scope, filter, keys, probed, after, limit, Math.min(probe, window), walked, sparse,
                        indexed)
                .chain(() -> walk(conn, scope, filter, keys, walked, after, limit, page, counted,
                        sparse.isEmpty() ? Count.IN_ORDER : Count.ANY))
                .chain(() -> byIndex(conn, scope, filter, keys, indexed, rarest, after, limit, page, counted));
    }

    /** Each head's communes (a skip along the B-tree, one descent each), with the words neither starts. */
    private static Uni<List<Group>> groups(SqlConnection conn, Scope scope, List<String> words, List<String> heads) {
        String next = "(SELECT min(p.commune_key) FROM " + scope.table("places") + " p WHERE p.merged_into IS NULL "
                + "AND p.search_head = ";
        String sql = "WITH RECURSIVE c(h, k) AS (SELECT u.h, " + next + "u.h) FROM unnest($1::text[]) u(h) "
                + "UNION ALL SELECT c.h, " + next + "c.h AND p.commune_key > c.k) FROM c WHERE c.k IS NOT NULL) "
                + "SELECT h, k FROM c WHERE k IS NOT NULL";
        return conn.preparedQuery(sql).execute(Tuple.of(heads.toArray(String[]::new))).map(rows -> {
            List<Group> groups = new ArrayList<>();
            for (Row row : rows) {
                groups.add(group(row.getString("h"), row.getString("k"), words));
            }
            return groups;
        });
    }

    /**
     * The communes a word asked starts a word of (a skip along {@code places_live_by_commune}, one descent each), with
     * the words they do not start.
     */
    private static Uni<List<Group>> communes(SqlConnection conn, Scope scope, List<String> words) {
        String next = "(SELECT min(p.commune_key) FROM " + scope.table("places") + " p WHERE p.merged_into IS NULL";
        String sql = "WITH RECURSIVE c(k) AS (" + next + ") UNION ALL SELECT " + next + " AND p.commune_key > c.k) "
                + "FROM c WHERE c.k IS NOT NULL) SELECT k FROM c WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) w(w), "
                + "unnest(string_to_array(c.k, ' ')) x(x) WHERE starts_with(x.x, w.w))";
        return conn.preparedQuery(sql).execute(Tuple.of(words.toArray(String[]::new))).map(rows -> {
            List<Group> groups = new ArrayList<>();
            for (Row row : rows) {
                groups.add(group(null, row.getString("k"), words));
            }
            return groups;
        });
    }

    /** The group of {@code head} (or none) in {@code commune}, with the words asked that neither starts. */
    private static Group group(String head, String commune, List<String> words) {
        List<String> communeWords = Arrays.asList(commune.split(" "));
        return new Group(head, commune, words.stream().filter(word -> (head == null || !head.startsWith(word))
                && communeWords.stream().noneMatch(c -> c.startsWith(word))).toList());
    }

    /**
     * Walks the first {@code reach} places of each group after the cursor: a group with a page of matches there, or
     * ending there, is {@code dense} (and {@code sparse} too when they were fewer than one place in ten); one with
     * some matches is walked further, as far as a page needs at that rate (up to {@code window}); one with none, or
     * still short, is {@code thin}.
     */
    private Uni<Void> classify(SqlConnection conn, Scope scope, PlaceFilter filter, Keys keys, List<Group> groups,
                               Cursor after, int limit, int reach, List<Group> dense, Set<Group> sparse,
                               List<Group> thin) {
        if (groups.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        PlaceFilter.Where where = filter.where(scope, false, PlaceFilter.Text.NONE);
        List<Object> params = where.with(column(groups, Group::head), column(groups, Group::commune),
                column(groups, Group::query), reach);
        int first = where.next();
        String sql = "SELECT g.i, count(*) AS seen, count(*) FILTER (WHERE s.hit) AS hits FROM unnest($" + first
                + "::text[], $" + (first + 1) + "::text[], $" + (first + 2)
                + "::text[]::tsquery[]) WITH ORDINALITY g(h, c, q, i) "
                + "CROSS JOIN LATERAL (SELECT (p.search_other @@ g.q) AS hit FROM "
                + scope.table("places") + " p WHERE " + TextSearch.typed(where) + " AND " + keys.key
                + TextSearch.after(after, params, keys.order) + " ORDER BY " + keys.order + ", p.actor_id LIMIT $"
                + (first + 3) + ") s GROUP BY g.i";
        return conn.preparedQuery(sql).execute(Tuple.from(params)).chain(rows -> {
            long[] seen = new long[groups.size()];
            long[] hits = new long[groups.size()];
            for (Row row : rows) {
                int i = row.getLong("i").intValue() - 1;
                seen[i] = row.getLong("seen");
                hits[i] = row.getLong("hits");
            }
            List<Group> further = new ArrayList<>();
            int wider = reach;
            for (int i = 0; i < groups.size(); i++) {
                if (hits[i] >= limit || seen[i] < reach) {
                    dense.add(groups.get(i));
                    if (hits[i] * 10 < seen[i]) {
                        sparse.add(groups.get(i));
                    }
                } else if (hits[i] > 0 && reach < window) {
                    further.add(groups.get(i));
                    wider = (int) Math.max(wider, Math.min(window, (long) limit * reach / hits[i] * 2));
                } else {
                    thin.add(groups.get(i));
                }
            }
            if (wider == reach) {
                thin.addAll(further);
                return Uni.createFrom().voidItem();
            }
            return classify(conn, scope, filter, keys, further, after, limit, wider, dense, sparse, thin);
        });
    }

    /** The places of a group a count in order reads at most, unless configured: ten per match counted. */
    static final int COUNT_WINDOW = COUNTED * 10;

    /** How the walked groups' matches are counted up to the cap. */
    enum Count {
        /**
         * Along the B-tree, in each group's order, through its first places ({@link #COUNT_WINDOW}): the matches are
         * one place in ten or more there, so the cap is reached within them. PostgreSQL would otherwise take every
         * place of a commune from its B-tree into a bitmap first (83 000 at a million places: 17-25 ms) to read
         * 1 001 of them.
         */
        IN_ORDER,
        /** As PostgreSQL plans it (a bitmap of each group's places): matches fewer than one place in ten somewhere. */
        ANY
    }

    /**
     * The groups' first {@code limit} matches after the cursor in name order, and up to the cap of them from the
     * start, from the B-tree: the words left are tested on {@code search_other} (which the first words' B-tree
     * carries). A count {@link Count#IN_ORDER} that stops short of the cap where a group may have been cut (it had
     * words left to test, or the window is smaller than the cap) is made again as {@link Count#ANY}: a group's first
     * places may have matched more often than the rest.
     */
    private Uni<Void> walk(SqlConnection conn, Scope scope, PlaceFilter filter, Keys keys, List<Group> groups,
                                  Cursor after, int limit, Set<UUID> page, Set<UUID> counted, Count count) {
        if (groups.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        PlaceFilter.Where where = filter.where(scope, false, PlaceFilter.Text.NONE);
        List<Object> params = where.with(column(groups, Group::head), column(groups, Group::commune),
                column(groups, Group::query), limit, COUNTED);
        int first = where.next();
        if (count == Count.IN_ORDER) {
            params.add(countWindow); // $first + 5, before the cursor's
        }
        String l = "$" + (first + 3);
        String c = "$" + (first + 4);
        String groupsAsked = " FROM (SELECT u.h, u.c, u.q::tsquery AS q FROM unnest($" + first + "::text[], $"
                + (first + 1) + "::text[], $" + (first + 2) + "::text[]) u(h, c, q)) g CROSS JOIN LATERAL ";
        String places = "FROM " + scope.table("places") + " p WHERE " + TextSearch.typed(where) + " AND " + keys.key;
        String matches = " AND (g.q IS NULL OR (p.search_other @@ g.q) IS TRUE)";
        String inOrder = " ORDER BY " + keys.order + ", p.actor_id LIMIT ";
        String paged = "(SELECT true AS paged, x.actor_id" + groupsAsked + "(SELECT p.actor_id, " + keys.order
                + " AS sort_name " + places + matches + TextSearch.after(after, params, keys.order) + inOrder + l
                + ") x ORDER BY x.sort_name, x.actor_id LIMIT " + l + ")";
        String countedSql = count == Count.IN_ORDER
                ? "(SELECT false, y.actor_id" + groupsAsked + "(SELECT w.actor_id FROM (SELECT p.actor_id, "
                + "p.search_other " + places + inOrder + "$" + (first + 5) + ") w WHERE g.q IS NULL OR "
                + "(w.search_other @@ g.q) IS TRUE LIMIT " + c + ") y LIMIT " + c + ")"
                : "(SELECT false, y.actor_id" + groupsAsked + "(SELECT p.actor_id " + places + matches + " LIMIT " + c
                + ") y LIMIT " + c + ")";
        boolean cut = countWindow < COUNTED || groups.stream().anyMatch(group -> !group.left().isEmpty());
        return conn.preparedQuery(paged + " UNION ALL " + countedSql).execute(Tuple.from(params)).chain(rows -> {
            int found = 0;
            for (Row row : rows) {
                if (row.getBoolean("paged")) {
                    page.add(row.getUUID("actor_id"));
                } else {
                    counted.add(row.getUUID("actor_id"));
                    found++;
                }
            }
            // its page part runs again (one walk of a B-tree for a page, well under a millisecond); its count is kept
            return count == Count.IN_ORDER && cut && found < COUNTED
                    ? walk(conn, scope, filter, keys, groups, after, limit, new HashSet<>(), counted, Count.ANY)
                    : Uni.createFrom().voidItem();
        });
    }

    /**
     * The groups' matches from a GIN index ({@link Keys}): the places with one group's rarest word left, of those
     * groups, with every word asked. For first words, the index over the first word paired with the others ({@code
     * 'mediatheque^schoelcher':*}, whose postings are the places that have both, however common the word is
     * elsewhere). They are few; all are counted, the first after the cursor paged.
     */
    private static Uni<Void> byIndex(SqlConnection conn, Scope scope, PlaceFilter filter, Keys keys,
                                     List<Group> groups, Map<Group, String> rarest, Cursor after, int limit,
                                     Set<UUID> page, Set<UUID> counted) {
        if (groups.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        PlaceFilter.Where where = filter.where(scope, false, PlaceFilter.Text.NONE);
        List<Object> params = where.with(filter.textQuery(), limit);
        int first = where.next();
        String indexed = keys.indexed(groups, params);
        params.add(String.join(" | ", groups.stream().map(rarest::get).distinct().toList()));
        String rare = "$" + params.size() + "::text::tsquery";
        String isAfter = after == null ? "true" : TextSearch.after(after, params, keys.order).substring(5);
        String sql = "SELECT m.actor_id, m.after AND row_number() OVER (PARTITION BY m.after ORDER BY m.sort_name, "
                + "m.actor_id) <= $" + (first + 1) + " AS paged FROM (SELECT p.actor_id, " + keys.order
                + " AS sort_name, " + isAfter + " AS after FROM " + scope.table("places") + " p WHERE "
                + TextSearch.typed(where) + " AND " + indexed + rare + " AND (p.search @@ $" + first
                + "::text::tsquery) IS TRUE OFFSET 0) m";
        return conn.preparedQuery(sql).execute(Tuple.from(params)).map(rows -> {
            for (Row row : rows) {
                counted.add(row.getUUID("actor_id"));
                if (row.getBoolean("paged")) {
                    page.add(row.getUUID("actor_id"));
                }
            }
            return null;
        });
    }

    private static String[] column(List<Group> groups, java.util.function.Function<Group, String> value) {
        return groups.stream().map(value).toArray(String[]::new);
    }
}
