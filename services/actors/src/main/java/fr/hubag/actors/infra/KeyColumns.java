package fr.hubag.actors.infra;

import fr.hubag.actors.domain.PlaceKey;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Places' {@link PlaceKey}s as the column arrays of one {@code INSERT … SELECT FROM unnest(…)} statement, and the
 * same keys read back: the census's key index and an import's scratch keys share these columns.
 */
public final class KeyColumns {

    /** The shared columns, in the order of {@link #unnest(int)} and {@link #appendTo(Tuple)}. */
    public static final String NAMES = "actor_id, name, name_and_address, phone, cell, latitude, longitude";

    /** A place whose keys were stored: an actor of the census (row null) or a row of an import under way. */
    public record Known(UUID actorId, Long row, String name, PlaceKey key) {}

    private final List<UUID> actorIds = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final List<String> nameAndAddresses = new ArrayList<>();
    private final List<String> phones = new ArrayList<>();
    private final List<String> cells = new ArrayList<>();
    private final List<Double> latitudes = new ArrayList<>();
    private final List<Double> longitudes = new ArrayList<>();

    public void add(UUID actorId, String name, PlaceKey key) {
        actorIds.add(actorId);
        names.add(name);
        nameAndAddresses.add(key.nameAndAddress());
        phones.add(key.phone());
        cells.add(key.cell());
        latitudes.add(key.latitude());
        longitudes.add(key.longitude());
    }

    public boolean isEmpty() {
        return actorIds.isEmpty();
    }

    /**
     * {@code unnest($first::uuid[], …)}: the seven arrays as rows, from parameter number {@code first} on, followed
     * by arrays of the {@code more} types (a table's own columns).
     */
    public static String unnest(int first, String... more) {
        List<String> types = new ArrayList<>(List.of("uuid", "text", "text", "text", "text", "float8", "float8"));
        types.addAll(List.of(more));
        List<String> arrays = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            arrays.add("$" + (first + i) + "::" + types.get(i) + "[]");
        }
        return "unnest(" + String.join(", ", arrays) + ")";
    }

    public Tuple appendTo(Tuple tuple) {
        return tuple.addArrayOfUUID(actorIds.toArray(UUID[]::new)).addArrayOfString(names.toArray(String[]::new))
                .addArrayOfString(nameAndAddresses.toArray(String[]::new))
                .addArrayOfString(phones.toArray(String[]::new)).addArrayOfString(cells.toArray(String[]::new))
                .addArrayOfDouble(latitudes.toArray(Double[]::new)).addArrayOfDouble(longitudes.toArray(Double[]::new));
    }

    /** A stored place's keys, read from a row holding the {@link #NAMES} columns. */
    public static Known read(Row row, Long rowNumber) {
        return new Known(row.getUUID("actor_id"), rowNumber, row.getString("name"),
                new PlaceKey(row.getString("name_and_address"), row.getString("phone"), row.getDouble("latitude"),
                        row.getDouble("longitude")));
    }

    /**
     * The rows of {@code table} (alias {@code k}, {@code filter} on it) that share a key with the arrays of parameters
     * {@code first} (names and addresses), {@code first + 1} (phones) and {@code first + 2} (cells), as {@link #NAMES}
     * plus {@code more} columns: one join per key, driven by the window's few values, so that each finds its rows
     * through the key's index (or, while a table is small, one hash join) — never a scan per value.
     */
    public static String sharingAKey(String table, String filter, int first, String more) {
        List<String> joins = new ArrayList<>();
        String[] keys = {"name_and_address", "phone", "cell"};
        for (int i = 0; i < keys.length; i++) {
            // "IS NOT NULL" spelled out: what the partial indexes on phone and cell are declared with
            joins.add("SELECT " + columns(more) + " FROM unnest($" + (first + i) + "::text[]) AS wanted(key) JOIN "
                    + table + " k ON k." + keys[i] + " = wanted.key WHERE " + filter + " AND k." + keys[i]
                    + " IS NOT NULL");
        }
        return String.join("\nUNION\n", joins);
    }

    /**
     * Runs a look-up built by {@link #sharingAKey} planned for its own values, every time: a plan cached while a
     * table was small (an empty census, the first windows of an import) would scan it whole once it is large.
     */
    public static RowSet<Row> lookUp(Pool pool, String sql, Tuple params) {
        return pool.withTransaction(tx -> tx.query("SET LOCAL plan_cache_mode = force_custom_plan").execute()
                .flatMap(set -> tx.preparedQuery(sql).execute(params))).await().atMost(Duration.ofMinutes(1));
    }

    /** The {@link #NAMES} columns of alias {@code k}, and {@code more} of its own (or ""). */
    public static String columns(String more) {
        return "k." + NAMES.replace(", ", ", k.") + (more.isEmpty() ? "" : ", k." + more);
    }

    /** The distinct values to look a window's places up by: names and addresses, phones, nearby cells. */
    public static Tuple lookup(Tuple tuple, Collection<PlaceKey> keys) {
        return tuple.addArrayOfString(keys.stream().map(PlaceKey::nameAndAddress).distinct().toArray(String[]::new))
                .addArrayOfString(keys.stream().map(PlaceKey::phone).filter(java.util.Objects::nonNull).distinct()
                        .toArray(String[]::new))
                .addArrayOfString(keys.stream().flatMap(k -> k.nearbyCells().stream()).distinct()
                        .toArray(String[]::new));
    }
}
