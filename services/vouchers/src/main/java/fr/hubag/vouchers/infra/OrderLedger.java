package fr.hubag.vouchers.infra;

import fr.hubag.contracts.vouchers.VoucherEvent.OrderEvent;
import fr.hubag.contracts.vouchers.VoucherEvent.OrderExpired;
import fr.hubag.contracts.vouchers.VoucherEvent.OrderQuoted;
import fr.hubag.domain.Territory;
import fr.hubag.vouchers.domain.PassTallies;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Orders by their dates and funder, and what their passes' streams say, read from the service's own event store: an
 * order's quote never changes, so its payload is indexed where it lies (V120__order_dates.sql); a pass is found from
 * its order through {@code pass_codes}, so no index is added to the redemptions' hot path.
 */
@ApplicationScoped
public class OrderLedger {

    /** An order's quote with whether it was activated and whether it has expired. */
    public record QuotedOrder(OrderQuoted quote, boolean activated, boolean expired) {}

    private static final String FLAGS = """
            EXISTS (SELECT 1 FROM es_events a WHERE a.stream_id = q.stream_id AND a.event_type = 'OrderActivated')
                AS activated,
            EXISTS (SELECT 1 FROM es_events x WHERE x.stream_id = q.stream_id AND x.event_type = 'OrderExpired')
                AS expired""";

    private final Pool pool;

    public OrderLedger(Pool pool) {
        this.pool = pool;
    }

    /** Activated orders of {@code lead} not expired yet whose tolerance ended on or before {@code lastDay}. */
    public Uni<List<UUID>> dueForExpiry(Territory lead, LocalDate lastDay) {
        return pool.preparedQuery("""
                SELECT q.stream_id FROM es_events q
                 WHERE q.event_type = 'OrderQuoted' AND q.payload ->> 'territory' = $1
                   AND q.payload ->> 'acceptedUntil' <= $2
                   AND EXISTS (SELECT 1 FROM es_events a WHERE a.stream_id = q.stream_id
                                  AND a.event_type = 'OrderActivated')
                   AND NOT EXISTS (SELECT 1 FROM es_events x WHERE x.stream_id = q.stream_id
                                      AND x.event_type = 'OrderExpired')
                 ORDER BY q.global_position""")
                .execute(Tuple.of(lead.name(), lastDay.toString()))
                .map(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(UUID.fromString(row.getString(0))));
                    return ids;
                });
    }

    /** Orders (of {@code funderId}, or all when null) whose validity ends between the two days, inclusive. */
    public Uni<List<QuotedOrder>> validUntilBetween(String funderId, LocalDate from, LocalDate to) {
        return pool.preparedQuery("""
                SELECT q.schema_version, q.payload::text AS payload, %s FROM es_events q
                 WHERE q.event_type = 'OrderQuoted' AND ($1::text IS NULL OR q.payload ->> 'funderId' = $1)
                   AND q.payload ->> 'validUntil' BETWEEN $2 AND $3
                 ORDER BY q.payload ->> 'validUntil', q.global_position LIMIT 1000""".formatted(FLAGS))
                .execute(Tuple.of(funderId, from.toString(), to.toString()))
                .map(rows -> {
                    List<QuotedOrder> orders = new ArrayList<>();
                    for (Row row : rows) {
                        OrderEvent quote = VoucherStreams.ORDER_CODEC.decode("OrderQuoted",
                                row.getInteger("schema_version"), row.getString("payload"));
                        orders.add(new QuotedOrder((OrderQuoted) quote, row.getBoolean("activated"),
                                row.getBoolean("expired")));
                    }
                    return orders;
                });
    }

    /** An expired order's credit note with its order's perimeter territories. */
    public record CreditNote(OrderExpired expiry, List<Territory> perimeter) {}

    /** The latest credit notes (of {@code funderId}, or all when null), newest first. */
    public Uni<List<CreditNote>> creditNotes(String funderId, int limit) {
        return pool.preparedQuery("""
                SELECT x.schema_version, x.payload::text AS payload,
                       ARRAY(SELECT jsonb_array_elements_text(q.payload -> 'perimeter' -> 'territories'))
                           AS territories
                  FROM es_events x JOIN es_events q ON q.stream_id = x.stream_id AND q.event_type = 'OrderQuoted'
                 WHERE x.event_type = 'OrderExpired' AND ($1::text IS NULL OR x.payload ->> 'funderId' = $1)
                 ORDER BY x.global_position DESC LIMIT $2""")
                .execute(Tuple.of(funderId, limit))
                .map(rows -> {
                    List<CreditNote> notes = new ArrayList<>();
                    for (Row row : rows) {
                        OrderEvent expiry = VoucherStreams.ORDER_CODEC.decode("OrderExpired",
                                row.getInteger("schema_version"), row.getString("payload"));
                        notes.add(new CreditNote((OrderExpired) expiry, java.util.Arrays.stream(
                                row.getArrayOfStrings("territories")).map(Territory::valueOf).toList()));
                    }
                    return notes;
                });
    }

    /** What the pass streams of each order say: handed out, redeemed, expired, with their face values. */
    public Uni<Map<UUID, PassTallies>> tallies(List<UUID> orderIds) {
        return pool.preparedQuery("""
                SELECT c.order_id,
                       count(*) FILTER (WHERE e.event_type = 'PassDistributed') AS distributed,
                       count(*) FILTER (WHERE e.event_type = 'PassRedeemed') AS redeemed,
                       coalesce(sum((e.payload ->> 'faceValueCents')::bigint)
                                FILTER (WHERE e.event_type = 'PassRedeemed'), 0)::bigint AS redeemed_cents,
                       count(*) FILTER (WHERE e.event_type = 'PassExpired') AS expired,
                       coalesce(sum((e.payload ->> 'faceValueCents')::bigint)
                                FILTER (WHERE e.event_type = 'PassExpired'), 0)::bigint AS expired_cents,
                       count(*) FILTER (WHERE e.event_type = 'PassExpired'
                                          AND NOT (e.payload ->> 'distributed')::boolean) AS expired_undistributed
                  FROM pass_codes c JOIN es_events e ON e.stream_id = c.pass_id::text
                 WHERE c.order_id = ANY($1)
                 GROUP BY c.order_id""")
                .execute(Tuple.of(orderIds.toArray(UUID[]::new)))
                .map(rows -> {
                    Map<UUID, PassTallies> tallies = new HashMap<>();
                    orderIds.forEach(id -> tallies.put(id, new PassTallies(0, 0, 0, 0, 0, 0)));
                    for (Row row : rows) {
                        tallies.put(row.getUUID("order_id"), new PassTallies(row.getLong("distributed"),
                                row.getLong("redeemed"), row.getLong("redeemed_cents"), row.getLong("expired"),
                                row.getLong("expired_cents"), row.getLong("expired_undistributed")));
                    }
                    return tallies;
                });
    }
}
