package fr.hubag.projection.vouchers.read;

import fr.hubag.projection.shared.Cursor;
import fr.hubag.projection.shared.Page;
import fr.hubag.projection.shared.Scope;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The vouchers read models of a scope, in its serving generation: orders newest first (a funder's, or all) a page at
 * a time after a cursor (quote instant, order id), one order's ledger per territory, its redemptions by month, actor
 * and commune after a cursor (month and commune, actor id), its refusals by reason, and every order added up
 * (with the refusals and the actors' statements of the scope). Who may ask is the endpoints' business: these take
 * the funder and territories to keep to.
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

    /** The order's refused redemptions by reason, most frequent first. */
    public Uni<RefusalFigures> refusals(Scope scope, UUID orderId) {
        return pool.preparedQuery("SELECT reason, count(*) FROM " + scope.table("voucher_refusals")
                        + " WHERE order_id = $1 GROUP BY reason ORDER BY 2 DESC, 1").execute(Tuple.of(orderId))
                .map(rows -> {
                    List<RefusalFigures.ByReason> byReason = new ArrayList<>();
                    rows.forEach(row -> byReason.add(new RefusalFigures.ByReason(row.getString(0), row.getLong(1))));
                    return RefusalFigures.of(byReason);
                });
    }

    /**
     * The actors' monthly statements of the scope (the actors' territory; hub: all), of the given actors (null:
     * every actor) and month if given, newest month first, a page after a cursor (month, statement id).
     */
    public Uni<Page<StatementRow>> statements(Scope scope, List<UUID> actors, LocalDate month, Cursor after,
                                              int size) {
        String sql = "SELECT * FROM " + scope.table("voucher_statements")
                + " WHERE ($1::uuid[] IS NULL OR actor_id = ANY($1)) AND ($2::date IS NULL OR month = $2) "
                + "AND ($3::date IS NULL OR (month, statement_id) < ($3, $4)) "
                + "ORDER BY month DESC, statement_id DESC LIMIT $5";
        Tuple params = Tuple.wrap(Arrays.asList(actors == null ? null : actors.toArray(UUID[]::new), month,
                after == null ? null : LocalDate.parse(after.sortKey()), after == null ? null : after.id(),
                size + 1));
        return pool.preparedQuery(sql).execute(params).map(rows -> {
            List<StatementRow> items = new ArrayList<>();
            for (Row row : rows) {
                OffsetDateTime paid = row.getOffsetDateTime("paid_at");
                items.add(new StatementRow(row.getUUID("statement_id"), row.getUUID("actor_id"),
                        row.getString("territory"), row.getLocalDate("month").toString().substring(0, 7),
                        row.getInteger("passes"), row.getLong("amount_cents"),
                        row.getOffsetDateTime("issued_at").toInstant(), paid == null ? "issued" : "paid",
                        paid == null ? null : paid.toInstant(), row.getString("paid_reference")));
            }
            Cursor next = null;
            if (items.size() > size) {
                items.removeLast();
                StatementRow last = items.getLast();
                next = new Cursor(last.month() + "-01", last.statementId());
            }
            return new Page<>(items, next);
        });
    }

    /** Whether a cursor's sort key is one {@link #statements} wrote. */
    public static boolean validStatementCursor(Cursor cursor) {
        return parses(() -> LocalDate.parse(cursor.sortKey()));
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
        return parses(() -> Instant.parse(cursor.sortKey()));
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Every order of the scope added up: by territory (and in all), and redemptions by month. */
    public Uni<Consolidation> consolidation(Scope scope) {
        String orders = scope.table("voucher_orders");
        Uni<Row> counts = pool.preparedQuery("SELECT count(*), count(activated_at), count(expired_at) FROM " + orders)
                .execute()
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
        return Uni.combine().all().unis(counts, byTerritory, months, refusalsByTerritory(scope),
                statementsByMonth(scope)).with((count, territories, byMonth, refused, statements) -> {
                    // the rollup's last row (territory null) is the total; none at all when the ledger is empty
                    TerritoryFigures total = territories.isEmpty() ? null : territories.getLast();
                    List<TerritoryFigures> named = territories.stream().filter(t -> t.territory() != null).toList();
                    return new Consolidation(scope.name(), count.getLong(0), count.getLong(1), count.getLong(2),
                            total == null ? LedgerFigures.NONE : total.figures(), named, byMonth,
                            allTerritories(refused), refused, statements);
                });
    }

    /** The scope's refusals by territory (the refused actor's) and reason, most frequent first in each. */
    private Uni<List<RefusalFigures.InTerritory>> refusalsByTerritory(Scope scope) {
        return pool.preparedQuery("SELECT territory, reason, count(*) FROM " + scope.table("voucher_refusals")
                + " GROUP BY territory, reason ORDER BY 1, 3 DESC, 2").execute().map(rows -> {
                    Map<String, List<RefusalFigures.ByReason>> byTerritory = new LinkedHashMap<>();
                    rows.forEach(row -> byTerritory.computeIfAbsent(row.getString(0), t -> new ArrayList<>())
                            .add(new RefusalFigures.ByReason(row.getString(1), row.getLong(2))));
                    List<RefusalFigures.InTerritory> figures = new ArrayList<>();
                    byTerritory.forEach((territory, reasons) -> figures.add(
                            new RefusalFigures.InTerritory(territory, RefusalFigures.of(reasons))));
                    return figures;
                });
    }

    /** The territories' refusals added up by reason, most frequent first. */
    private static RefusalFigures allTerritories(List<RefusalFigures.InTerritory> territories) {
        Map<String, Long> byReason = new HashMap<>();
        territories.forEach(t -> t.figures().byReason().forEach(r -> byReason.merge(r.reason(), r.refusals(),
                Long::sum)));
        return RefusalFigures.of(byReason.entrySet().stream()
                .map(e -> new RefusalFigures.ByReason(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(RefusalFigures.ByReason::refusals).reversed()
                        .thenComparing(RefusalFigures.ByReason::reason))
                .toList());
    }

    /** The actors' statements of the scope per month: how many, passes, amounts owed and paid. */
    private Uni<List<StatementMonth>> statementsByMonth(Scope scope) {
        return pool.preparedQuery("SELECT month, count(*), sum(passes), sum(amount_cents), count(paid_at), "
                + "coalesce(sum(amount_cents) FILTER (WHERE paid_at IS NOT NULL), 0) FROM "
                + scope.table("voucher_statements") + " GROUP BY month ORDER BY month").execute().map(rows -> {
                    List<StatementMonth> months = new ArrayList<>();
                    rows.forEach(row -> months.add(new StatementMonth(row.getLocalDate(0).toString().substring(0, 7),
                            row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5))));
                    return months;
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
        OffsetDateTime expired = row.getOffsetDateTime("expired_at");
        Object reconciliation = row.getValue("reconciliation");
        return new OrderSummary(row.getUUID("order_id"), row.getString("funder_id"), row.getString("territory"),
                List.of(row.getArrayOfStrings("perimeter_territories")),
                List.of(row.getArrayOfStrings("perimeter_communes")), row.getInteger("booklets"),
                row.getInteger("passes_per_booklet"), row.getLong("face_value_cents"),
                row.getLong("face_total_cents"), row.getInteger("fee_basis_points"), row.getLong("fee_cents"),
                row.getLong("total_cents"), row.getLocalDate("valid_until"), row.getLocalDate("accepted_until"),
                row.getString("programme_id"), row.getOffsetDateTime("quoted_at").toInstant(),
                expired != null ? "expired" : activated == null ? "quoted" : "activated",
                activated == null ? null : activated.toInstant(), row.getBoolean("late_distribution_confirmed"),
                LedgerFigures.of(row), expired == null ? null : expired.toInstant(),
                expired == null || !(reconciliation instanceof JsonObject r) ? null
                        : CreditNote.of(expired.toInstant(), r));
    }
}
