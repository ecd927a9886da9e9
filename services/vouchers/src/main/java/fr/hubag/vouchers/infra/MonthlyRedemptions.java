package fr.hubag.vouchers.infra;

import fr.hubag.contracts.vouchers.StatementLine;
import fr.hubag.contracts.vouchers.VoucherEvent.PassEvent;
import fr.hubag.contracts.vouchers.VoucherEvent.PassRedeemed;
import fr.hubag.domain.Territory;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Who redeemed what in a month, read from the passes' own {@code PassRedeemed} events in the event store (index
 * {@code es_events_redemptions_by_month}): the actors of a territory with a redemption that month, a page at a time
 * in id order, then the lines of one page. Nothing holds more than a page of actors' month. {@code redeemedOn} is the
 * local date in the actor's territory's zone, so a month here is the territory's calendar month. Reads the v1 fields
 * {@code territory}, {@code redeemedOn}, {@code actorId} of the payload: an upcast renaming them changes this query.
 */
@ApplicationScoped
public class MonthlyRedemptions {

    private static final String IN_MONTH = """
            event_type = 'PassRedeemed' AND payload ->> 'territory' = $1
            AND payload ->> 'redeemedOn' >= $2 AND payload ->> 'redeemedOn' < $3""";

    private final Pool pool;

    public MonthlyRedemptions(Pool pool) {
        this.pool = pool;
    }

    /** Up to {@code limit} actors of {@code territory} with a redemption in {@code month}, after {@code after}. */
    public Uni<List<UUID>> actors(Territory territory, YearMonth month, UUID after, int limit) {
        return pool.preparedQuery("SELECT DISTINCT payload ->> 'actorId' AS actor_id FROM es_events WHERE " + IN_MONTH
                        + " AND payload ->> 'actorId' > $4 ORDER BY 1 LIMIT $5")
                .execute(Tuple.of(territory.name(), month.atDay(1).toString(), month.plusMonths(1).atDay(1).toString(),
                        after == null ? "" : after.toString(), limit))
                .map(rows -> {
                    List<UUID> actors = new ArrayList<>();
                    rows.forEach(row -> actors.add(UUID.fromString(row.getString("actor_id"))));
                    return actors;
                });
    }

    /** The lines of each of {@code actors} in {@code month}, by redemption date then recording order. */
    public Uni<Map<UUID, List<StatementLine>>> lines(Territory territory, YearMonth month, List<UUID> actors) {
        return pool.preparedQuery("SELECT event_type, schema_version, payload::text AS payload FROM es_events WHERE "
                        + IN_MONTH + " AND payload ->> 'actorId' = ANY($4)"
                        + " ORDER BY payload ->> 'actorId', payload ->> 'redeemedOn', global_position")
                .execute(Tuple.of(territory.name(), month.atDay(1).toString(), month.plusMonths(1).atDay(1).toString(),
                        actors.stream().map(UUID::toString).toArray(String[]::new)))
                .map(rows -> {
                    Map<UUID, List<StatementLine>> lines = new LinkedHashMap<>();
                    for (Row row : rows) {
                        PassEvent event = VoucherStreams.PASS_CODEC.decode(row.getString("event_type"),
                                row.getInteger("schema_version"), row.getString("payload"));
                        if (event instanceof PassRedeemed r) {
                            lines.computeIfAbsent(r.actorId(), id -> new ArrayList<>()).add(new StatementLine(
                                    r.passId(), r.orderId(), r.redeemedOn(), r.faceValueCents()));
                        }
                    }
                    return lines;
                });
    }
}
