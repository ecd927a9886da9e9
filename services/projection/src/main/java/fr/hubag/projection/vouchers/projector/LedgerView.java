package fr.hubag.projection.vouchers.projector;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.hubag.contracts.vouchers.VoucherEvent.LateDistributionConfirmed;
import fr.hubag.contracts.vouchers.VoucherEvent.OrderActivated;
import fr.hubag.contracts.vouchers.VoucherEvent.OrderExpired;
import fr.hubag.contracts.vouchers.VoucherEvent.OrderQuoted;
import fr.hubag.contracts.vouchers.VoucherEvent.PassDistributed;
import fr.hubag.contracts.vouchers.VoucherEvent.PassExpired;
import fr.hubag.contracts.vouchers.VoucherEvent.PassRedeemed;
import fr.hubag.domain.Territory;
import fr.hubag.eventsourcing.codec.EventCodec;
import fr.hubag.projection.shared.batch.Statement;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * What each voucher event changes in a schema. The order's row and its issued counts are set from the quote (set,
 * not added: the quote is fixed). A pass's distribution and redemption first change its row in
 * {@code voucher_passes}, guarded by its state; the booklet's, the ledger's and the redemptions' counters are then
 * raised in the same statement only if that row changed, so an event applied twice (a rebuild's handover) counts
 * once. A booklet is distributed, or started, when its first pass is; the ledger counts the start in the territory
 * of the redemption that started it. Order and pass streams may be applied in any order (a rebuild applies
 * partitions side by side): every write is an upsert of its own columns. A pass expires like it is redeemed — once,
 * guarded by its row — counted in the order's territory; the credit note is set on the order and its ledger row.
 */
@ApplicationScoped
public class LedgerView {

    /** The columns of a PassDistributed row and of a PassRedeemed row ({@link Statement#row}). */
    private static final List<Class<?>> DISTRIBUTION = List.of(UUID.class, UUID.class, Integer.class, String.class);
    private static final List<Class<?>> REDEMPTION = List.of(UUID.class, UUID.class, UUID.class, String.class,
            LocalDate.class, LocalDate.class, String.class, Long.class, String.class);

    List<Statement> quoted(String schema, OrderQuoted q) {
        int passes = q.booklets() * q.passesPerBooklet();
        Tuple order = Tuple.wrap(Arrays.asList(q.orderId(), q.funderId(), q.territory().name(),
                q.perimeter().territories().stream().map(Territory::name).toArray(String[]::new),
                q.perimeter().communes().toArray(String[]::new), q.booklets(), q.passesPerBooklet(),
                q.faceValueCents(), q.faceTotalCents(), q.feeBasisPoints(), q.feeCents(), q.totalCents(),
                q.validUntil(), q.acceptedUntil(), q.programmeId(), utc(q.occurredAt())));
        return List.of(new Statement("INSERT INTO " + schema + ".voucher_orders (order_id, funder_id, territory, "
                        + "perimeter_territories, perimeter_communes, booklets, passes_per_booklet, face_value_cents, "
                        + "face_total_cents, fee_basis_points, fee_cents, total_cents, valid_until, accepted_until, "
                        + "programme_id, quoted_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, "
                        + "$14, $15, $16) ON CONFLICT (order_id) DO NOTHING", order),
                new Statement("INSERT INTO " + schema + ".voucher_ledger (order_id, territory, booklets_issued, "
                        + "passes_issued, issued_cents) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (order_id, territory) "
                        + "DO UPDATE SET booklets_issued = EXCLUDED.booklets_issued, "
                        + "passes_issued = EXCLUDED.passes_issued, issued_cents = EXCLUDED.issued_cents",
                        Tuple.of(q.orderId(), q.territory().name(), q.booklets(), passes, q.faceTotalCents())));
    }

    Statement activated(String schema, OrderActivated a) {
        return new Statement("UPDATE " + schema + ".voucher_orders SET activated_at = $2 "
                + "WHERE order_id = $1 AND activated_at IS NULL", Tuple.of(a.orderId(), utc(a.occurredAt())));
    }

    Statement lateDistributionConfirmed(String schema, LateDistributionConfirmed c) {
        return new Statement("UPDATE " + schema + ".voucher_orders SET late_distribution_confirmed = true "
                + "WHERE order_id = $1", Tuple.of(c.orderId()));
    }

    /**
     * PassDistributed, one row of a multi-row statement ({@link Statement#row}): a poll's distributions are applied
     * together, the booklets' and the ledger's counters raised once per booklet and order with the number of passes
     * whose row changed. A booklet is counted distributed when its counter was 0 before the statement.
     */
    Statement distributed(String schema, PassDistributed d) {
        return Statement.row("WITH r AS (SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int4[], $4::text[]) "
                + "AS r(pass_id, order_id, booklet, territory)), "
                + "pass AS (INSERT INTO " + schema + ".voucher_passes AS p (pass_id, order_id, booklet, distributed) "
                + "SELECT pass_id, order_id, booklet, true FROM r ON CONFLICT (pass_id) DO UPDATE SET distributed = "
                + "true, booklet = EXCLUDED.booklet WHERE NOT p.distributed RETURNING p.pass_id), "
                + "counted AS (SELECT r.* FROM r JOIN pass USING (pass_id)), "
                + "per_booklet AS (SELECT order_id, booklet, min(territory) AS territory, count(*)::int AS n "
                + "FROM counted GROUP BY order_id, booklet), "
                + "booklet AS (INSERT INTO " + schema + ".voucher_booklets AS b (order_id, booklet, distributed) "
                + "SELECT order_id, booklet, n FROM per_booklet ON CONFLICT (order_id, booklet) DO UPDATE "
                + "SET distributed = b.distributed + EXCLUDED.distributed RETURNING b.order_id, b.booklet, "
                + "b.distributed) "
                + "INSERT INTO " + schema + ".voucher_ledger AS l (order_id, territory, passes_distributed, "
                + "booklets_distributed) SELECT order_id, territory, sum(passes)::int, sum(booklets)::int FROM ("
                + "SELECT order_id, territory, 1 AS passes, 0 AS booklets FROM counted UNION ALL "
                + "SELECT pb.order_id, pb.territory, 0, 1 FROM booklet JOIN per_booklet pb USING (order_id, booklet) "
                + "WHERE booklet.distributed = pb.n) t GROUP BY order_id, territory "
                + "ON CONFLICT (order_id, territory) DO UPDATE SET "
                + "passes_distributed = l.passes_distributed + EXCLUDED.passes_distributed, "
                + "booklets_distributed = l.booklets_distributed + EXCLUDED.booklets_distributed",
                Tuple.of(d.passId(), d.orderId(), d.booklet(), d.territory().name()), DISTRIBUTION);
    }

    /**
     * The month of a redemption is that of its local date, in the actor's zone, as the event gives it. The pass is
     * counted redeemed in the actor's territory; the booklet it starts (its first pass redeemed) in the order's
     * ({@code orderTerritory}, its streams'), like its issue and distribution: which pass of a booklet arrives first
     * differs between the live run and a rebuild (passes' streams are on different partitions), the booklet's
     * territory does not. A row of a multi-row statement, like a distribution: the poll's redemptions raise each
     * booklet, month and ledger row once, by their number (a booklet starts when its counter was 0 before); grouped
     * so that the statement never updates a row twice. On a campaign's opening, one statement per schema and poll
     * instead of one per redemption and schema on the same hot ledger row.
     */
    Statement redeemed(String schema, PassRedeemed r, String orderTerritory) {
        Tuple values = Tuple.wrap(Arrays.asList(r.passId(), r.orderId(), r.actorId(), r.territory().name(),
                r.redeemedOn(), r.redeemedOn().withDayOfMonth(1), r.communeInseeCode(), r.faceValueCents(),
                orderTerritory));
        return Statement.row("WITH r AS (SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], "
                + "$5::date[], $6::date[], $7::text[], $8::int8[], $9::text[]) AS r(pass_id, order_id, actor_id, "
                + "territory, redeemed_on, month, commune, cents, order_territory)), "
                + "pass AS (INSERT INTO " + schema + ".voucher_passes AS p (pass_id, order_id, redeemed_on, actor_id) "
                + "SELECT pass_id, order_id, redeemed_on, actor_id FROM r ON CONFLICT (pass_id) DO UPDATE SET "
                + "redeemed_on = EXCLUDED.redeemed_on, actor_id = EXCLUDED.actor_id WHERE p.redeemed_on IS NULL "
                + "RETURNING p.pass_id, p.booklet), "
                + "counted AS (SELECT r.*, pass.booklet FROM r JOIN pass USING (pass_id)), "
                + "booklet AS (UPDATE " + schema + ".voucher_booklets b SET redeemed = b.redeemed + c.n FROM ("
                + "SELECT order_id, booklet, min(order_territory) AS order_territory, count(*)::int AS n "
                + "FROM counted GROUP BY order_id, booklet) c WHERE b.order_id = c.order_id "
                + "AND b.booklet = c.booklet RETURNING b.order_id, c.order_territory, b.redeemed = c.n AS started), "
                + "month AS (INSERT INTO " + schema + ".voucher_redemptions AS m (order_id, month, actor_id, commune, "
                + "territory, passes, cents) SELECT order_id, month, actor_id, commune, min(territory), "
                + "count(*)::int, sum(cents)::int8 FROM counted GROUP BY order_id, month, actor_id, commune "
                + "ON CONFLICT (order_id, month, actor_id, commune) "
                + "DO UPDATE SET passes = m.passes + EXCLUDED.passes, cents = m.cents + EXCLUDED.cents) "
                + "INSERT INTO " + schema + ".voucher_ledger AS l (order_id, territory, passes_redeemed, "
                + "redeemed_cents, booklets_started) SELECT order_id, territory, sum(passes)::int, sum(cents)::int8, "
                + "sum(started)::int FROM (SELECT order_id, territory, 1 AS passes, cents, 0 AS started FROM counted "
                + "UNION ALL SELECT order_id, order_territory, 0, 0, 1 FROM booklet WHERE started) t "
                + "GROUP BY order_id, territory ON CONFLICT (order_id, territory) DO UPDATE SET "
                + "passes_redeemed = l.passes_redeemed + EXCLUDED.passes_redeemed, "
                + "redeemed_cents = l.redeemed_cents + EXCLUDED.redeemed_cents, "
                + "booklets_started = l.booklets_started + EXCLUDED.booklets_started", values, REDEMPTION);
    }

    /** Counted in the order's territory (the event's): a pass of the order, not of where anyone is. */
    Statement expired(String schema, PassExpired e) {
        String passes = schema + ".voucher_passes";
        String ledger = schema + ".voucher_ledger";
        return new Statement("WITH pass AS (INSERT INTO " + passes + " (pass_id, order_id, booklet, expired) "
                + "VALUES ($1, $2, $3, true) ON CONFLICT (pass_id) DO UPDATE SET expired = true, "
                + "booklet = coalesce(" + passes + ".booklet, EXCLUDED.booklet) "
                + "WHERE NOT " + passes + ".expired AND " + passes + ".redeemed_on IS NULL RETURNING 1) "
                + "INSERT INTO " + ledger + " (order_id, territory, passes_expired, expired_cents) "
                + "SELECT $2, $4::text, 1, $5::bigint FROM pass ON CONFLICT (order_id, territory) DO UPDATE SET "
                + "passes_expired = " + ledger + ".passes_expired + 1, "
                + "expired_cents = " + ledger + ".expired_cents + EXCLUDED.expired_cents",
                Tuple.of(e.passId(), e.orderId(), e.booklet(), e.territory().name(), e.faceValueCents()));
    }

    /** The credit note: its reconciliation on the order, its amount on the order's ledger row (set, not added). */
    List<Statement> orderExpired(String schema, OrderExpired x) {
        String reconciliation = json(x.reconciliation());
        return List.of(new Statement("UPDATE " + schema + ".voucher_orders SET expired_at = $2, "
                        + "reconciliation = $3::text::jsonb WHERE order_id = $1",
                        Tuple.of(x.orderId(), utc(x.occurredAt()), reconciliation)),
                new Statement("INSERT INTO " + schema + ".voucher_ledger (order_id, territory, credited_cents) "
                        + "VALUES ($1, $2, $3) ON CONFLICT (order_id, territory) DO UPDATE SET "
                        + "credited_cents = EXCLUDED.credited_cents",
                        Tuple.of(x.orderId(), x.territory().name(), x.reconciliation().creditedCents())));
    }

    private static String json(Object value) {
        try {
            return EventCodec.JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
