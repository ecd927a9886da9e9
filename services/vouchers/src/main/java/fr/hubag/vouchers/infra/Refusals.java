package fr.hubag.vouchers.infra;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Refused redemptions, for hub staff's fraud review ({@code redemption_refusals}): who, where, when, why. */
@ApplicationScoped
public class Refusals {

    /** One refused attempt; {@code territory}, {@code passId} and {@code orderId} are null when unknown. */
    public record Refusal(Instant refusedAt, UUID actorId, String territory, UUID passId, UUID orderId,
                          String reason, String caller) {}

    private final Pool pool;

    public Refusals(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> record(Refusal refusal) {
        return record(pool, refusal);
    }

    /** In the transaction that appends the refusal's event ({@code CommandExecutor.Alongside}). */
    public Uni<Void> record(SqlClient client, Refusal refusal) {
        return client.preparedQuery("""
                INSERT INTO redemption_refusals (refused_at, actor_id, territory, pass_id, order_id, reason, caller)
                VALUES ($1, $2, $3, $4, $5, $6, $7)""")
                .execute(Tuple.tuple(java.util.Arrays.asList(refusal.refusedAt().atOffset(ZoneOffset.UTC),
                        refusal.actorId(), refusal.territory(), refusal.passId(), refusal.orderId(), refusal.reason(),
                        refusal.caller())))
                .replaceWithVoid();
    }

    /**
     * The latest refusals, newest first, in the given territories (and those of actors the census does not know when
     * {@code withUnknown}), optionally of one actor.
     */
    public Uni<List<Refusal>> recent(List<String> territories, boolean withUnknown, UUID actorId, int limit) {
        return pool.preparedQuery("""
                SELECT refused_at, actor_id, territory, pass_id, order_id, reason, caller FROM redemption_refusals
                 WHERE (territory = ANY($1) OR ($2 AND territory IS NULL)) AND ($3::uuid IS NULL OR actor_id = $3)
                 ORDER BY refused_at DESC, id DESC LIMIT $4""")
                .execute(Tuple.of(territories.toArray(String[]::new), withUnknown, actorId, limit)).map(rows -> {
                    List<Refusal> refusals = new ArrayList<>();
                    for (Row row : rows) {
                        refusals.add(new Refusal(row.getOffsetDateTime("refused_at").toInstant(),
                                row.getUUID("actor_id"), row.getString("territory"), row.getUUID("pass_id"),
                                row.getUUID("order_id"), row.getString("reason"), row.getString("caller")));
                    }
                    return refusals;
                });
    }
}
