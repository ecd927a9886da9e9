package fr.hubag.vouchers.infra;

import fr.hubag.contracts.vouchers.VoucherEvent.StatementEvent;
import fr.hubag.eventsourcing.command.CommandExecutor.Loaded;
import fr.hubag.vouchers.domain.StatementState;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An actor's statements, newest month first, folded from their events found by actor (index
 * {@code es_events_statements_by_actor}): at most {@code months} of them, so a list stays small however long the
 * actor has been paid.
 */
@ApplicationScoped
public class ActorStatements {

    private final Pool pool;

    public ActorStatements(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<Loaded<StatementState.Issued>>> of(UUID actorId, int months) {
        return pool.preparedQuery("""
                SELECT event_type, schema_version, payload::text AS payload FROM es_events
                 WHERE event_type IN ('StatementIssued', 'StatementPaid') AND payload ->> 'actorId' = $1
                 ORDER BY payload ->> 'month' DESC, global_position LIMIT $2""")
                .execute(Tuple.of(actorId.toString(), months * 2)).map(rows -> {
                    Map<UUID, Loaded<StatementState>> folded = new LinkedHashMap<>();
                    for (Row row : rows) {
                        StatementEvent event = VoucherStreams.STATEMENT_CODEC.decode(row.getString("event_type"),
                                row.getInteger("schema_version"), row.getString("payload"));
                        Loaded<StatementState> before = folded.getOrDefault(event.statementId(),
                                new Loaded<>(VoucherStreams.STATEMENT.decider().initialState(), 0));
                        folded.put(event.statementId(), new Loaded<>(
                                VoucherStreams.STATEMENT.decider().evolve(before.state(), event), before.version() + 1));
                    }
                    List<Loaded<StatementState.Issued>> statements = new ArrayList<>();
                    folded.values().forEach(loaded -> {
                        if (loaded.state() instanceof StatementState.Issued issued && statements.size() < months) {
                            statements.add(new Loaded<>(issued, loaded.version()));
                        }
                    });
                    return statements;
                });
    }
}
