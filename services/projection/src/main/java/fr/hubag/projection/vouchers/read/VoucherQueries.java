package fr.hubag.projection.vouchers.read;

import fr.hubag.projection.shared.Cursor;
import fr.hubag.projection.shared.Page;
import fr.hubag.projection.shared.Scope;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The vouchers read models of a scope, in its serving generation: orders newest first (a funder's, or all) a page at
 * a time after a cursor (quote instant, order id), one order's ledger per territory, its redemptions by month, actor
 * and commune after a cursor (month and commune, actor id), and every order added up. Who may ask is the
 * endpoints' business: these take the funder and territories to keep to.
 */
@ApplicationScoped
public class VoucherQueries {

    private final Pool pool;

    public VoucherQueries(Pool pool) {
        this.pool = pool;
    }

    /** Orders of the funder (null: every funder) led by one of the territories, newest first. */
    public Uni<Page<OrderSummary>> orders(Scope scope, String funder, List<String> territories, Cursor after,
                                          int size) {
        String sql = summaries(scope, "(($1::text IS NULL OR funder_id = $1) AND territory = ANY($2::text[]) "
                + "AND ($3::timestamptz IS NULL OR (quoted_at, order_id) < ($3, $4))) "
                + "ORDER BY quoted_at DESC, order_id DESC LIMIT $5");
        Tuple params = Tuple.wrap(Arrays.asList(funder, territories.toArray(String[]::new),
                after == null ? null : Instant.parse(after.sortKey()).atOffset(ZoneOffset.UTC),
                after == null ? null : after.id(), size + 1));
        return pool.preparedQuery(sql + " ORDER BY o.quoted_at DESC, o.order_id DESC").execute(params).map(rows -> {
            List<OrderSummary> items = new ArrayList<>();
            rows.forEach(row -> items.add(summary(row)));
            Cursor next = null;
            if (items.size() > size) {
                items.removeLast();
                OrderSummary last = items.getLast();
                next = new Cursor(last.quotedAt().toString(), last.orderId());
            }
            return new Page<>(items, next);
        });
    }

    public Uni<Optional<OrderSummary>> order(Scope scope, UUID orderId) {
        return pool.preparedQuery(summaries(scope, "order_id = $1")).execute(Tuple.of(orderId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(summary(rows.iterator().next())));
    }

    /** The order's ledger per territory, in territory order. */
    public Uni<List<TerritoryFigures>> ledger(Scope scope, UUID orderId) {
        return pool.preparedQuery("SELECT l.territory, " + LedgerFigures.SUMS + " FROM "
                        + scope.table("voucher_ledger") + " l JOIN " + scope.table("voucher_orders")
                        + " o ON o.order_id = l.order_id WHERE l.order_id = $1 GROUP BY l.territory ORDER BY 1")
                .execute(Tuple.of(orderId))
                .map(rows -> {
                    List<TerritoryFigures> territories = new ArrayList<>();
                    rows.forEach(row -> territories.add(new TerritoryFigures(row.getString(0), LedgerFigures.of(row))));
                    return territories;
                });
    }

    /** The order's redemptions by month, actor and commune (of one month if given), in that order. */
    public Uni<Page<RedemptionRow>> redemptions(Scope scope, UUID orderId, LocalDate month, Cursor after, int size) {
        LocalDate afterMonth = after == null ? null : LocalDate.parse(after.sortKey().substring(0, 10));
        String afterCommune = after == null ? null : after.sortKey().substring(11);
        String sql = "SELECT month, actor_id, commune, territory, passes, cents FROM "
                + scope.table("voucher_redemptions") + " WHERE order_id = $1 AND ($2::date IS NULL OR month = $2) "
                + "AND ($3::date IS NULL OR (month, actor_id, commune) > ($3, $4, $5)) "
                + "ORDER BY month, actor_id, commune LIMIT $6";
        Tuple params = Tuple.wrap(Arrays.asList(orderId, month, afterMonth, after == null ? null : after.id(),
                afterCommune, size + 1));
        return pool.preparedQuery(sql).execute(params).map(rows -> {
            List<RedemptionRow> items = new ArrayList<>();
            for (Row row : rows) {
                items.add(new RedemptionRow(row.getLocalDate("month").toString().substring(0, 7),
                        row.getUUID("actor_id"), row.getString("commune"), row.getString("territory"),
                        row.getLong("passes"), row.getLong("cents")));
            }
            Cursor next = null;
            if (items.size() > size) {
                items.removeLast();
                RedemptionRow last = items.getLast();
                next = new Cursor(last.month() + "-01 " + last.commune(), last.actorId());
            }
            return new Page<>(items, next);
        });
    }

    /** Whether a cursor's sort key is one {@link #redemptions} wrote. */
    public static boolean validRedemptionCursor(Cursor cursor) {
        String key = cursor.sortKey();
        try {
            LocalDate.parse(key.substring(0, 10));
            return key.length() > 11 && key.charAt(10) == ' ';
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Whether a cursor's sort key is one {@link #orders} wrote. */
    public static boolean validOrderCursor(Cursor cursor) {
        try {
            Instant.parse(cursor.sortKey());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Every order of the scope added up: by territory (and in all), and redemptions by month. */
    public Uni<Consolidation> consolidation(Scope scope) {
        String orders = scope.table("voucher_orders");
        Uni<Row> counts = pool.preparedQuery("SELECT count(*), count(activated_at) FROM " + orders).execute()
                .map(rows -> rows.iterator().next());
        Uni<List<TerritoryFigures>> byTerritory = pool.preparedQuery("SELECT l.territory, " + LedgerFigures.SUMS
                        + " FROM " + scope.table("voucher_ledger") + " l LEFT JOIN " + orders
                        + " o ON o.order_id = l.order_id GROUP BY ROLLUP (l.territory) ORDER BY 1 NULLS LAST")
                .execute().map(rows -> {
                    List<TerritoryFigures> figures = new ArrayList<>();
                    rows.forEach(row -> figures.add(new TerritoryFigures(row.getString(0), LedgerFigures.of(row))));
                    return figures;
                });
        Uni<List<MonthFigures>> months = pool.preparedQuery("SELECT month, sum(passes), sum(cents) FROM "
                        + scope.table("voucher_redemptions") + " GROUP BY month ORDER BY month").execute()
                .map(rows -> {
                    List<MonthFigures> figures = new ArrayList<>();
                    rows.forEach(row -> figures.add(new MonthFigures(row.getLocalDate(0).toString().substring(0, 7),
                            row.getLong(1), row.getLong(2))));
                    return figures;
                });
        return Uni.combine().all().unis(counts, byTerritory, months).with((count, territories, byMonth) -> {
            // the rollup's last row (territory null) is the total; none at all when the ledger is empty
            TerritoryFigures total = territories.isEmpty() ? null : territories.getLast();
            List<TerritoryFigures> named = territories.stream().filter(t -> t.territory() != null).toList();
            return new Consolidation(scope.name(), count.getLong(0), count.getLong(1),
                    total == null ? LedgerFigures.NONE : total.figures(), named, byMonth);
        });
    }

    /** The orders a condition on {@code voucher_orders} selects, each with its ledger added up. */
    private static String summaries(Scope scope, String condition) {
        return "SELECT o.*, f.* FROM (SELECT * FROM " + scope.table("voucher_orders") + " WHERE " + condition
                + ") o CROSS JOIN LATERAL (SELECT " + LedgerFigures.SUMS + " FROM " + scope.table("voucher_ledger")
                + " l WHERE l.order_id = o.order_id) f";
    }

    private static OrderSummary summary(Row row) {
        OffsetDateTime activated = row.getOffsetDateTime("activated_at");
        return new OrderSummary(row.getUUID("order_id"), row.getString("funder_id"), row.getString("territory"),
                List.of(row.getArrayOfStrings("perimeter_territories")),
                List.of(row.getArrayOfStrings("perimeter_communes")), row.getInteger("booklets"),
                row.getInteger("passes_per_booklet"), row.getLong("face_value_cents"),
                row.getLong("face_total_cents"), row.getInteger("fee_basis_points"), row.getLong("fee_cents"),
                row.getLong("total_cents"), row.getLocalDate("valid_until"), row.getLocalDate("accepted_until"),
                row.getString("programme_id"), row.getOffsetDateTime("quoted_at").toInstant(),
                activated == null ? "quoted" : "activated", activated == null ? null : activated.toInstant(),
                row.getBoolean("late_distribution_confirmed"), LedgerFigures.of(row));
    }
}
