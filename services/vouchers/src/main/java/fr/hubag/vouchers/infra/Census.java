package fr.hubag.vouchers.infra;

import fr.hubag.domain.Territory;
import fr.hubag.vouchers.domain.ActorFacts;
import fr.hubag.eventsourcing.store.EventEnvelope;
import fr.hubag.eventsourcing.store.EventStore;
import fr.hubag.vouchers.domain.ActorFacts.LabelPeriod;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The census as the vouchers service knows it locally ({@link CensusConsumer}): an actor's facts, an absorbed actor
 * read as its survivor (whose labels include the absorbed one's) — read together with where a redeemed code leads,
 * in one statement: a redemption needs both before its pass's stream, and each round trip to the database costs the
 * two cores as much as the statement.
 */
@ApplicationScoped
public class Census {

    /**
     * What a redemption reads first: the actor's facts, the pass its code leads to (empty: unknown code) and that
     * pass's events in version order.
     */
    public record Redeeming(ActorFacts actor, Optional<PassCodes.Located> pass, List<EventEnvelope> passEvents) {}

    private final Pool pool;

    public Census(Pool pool) {
        this.pool = pool;
    }

    /** The actor's facts alone. */
    public Uni<ActorFacts> facts(UUID actorId) {
        return redeeming(actorId, null).map(Redeeming::actor);
    }

    /**
     * The actor's facts and, when {@code codeHash} is given, where that code leads and its pass's events (the stream a
     * redemption decides on, read here rather than in a statement of its own: {@code CommandExecutor}'s
     * {@code alreadyRead}). One row per label period and event of the pass.
     */
    public Uni<Redeeming> redeeming(UUID actorId, String codeHash) {
        return pool.preparedQuery("""
                WITH target AS (SELECT coalesce(merged_into, actor_id) AS id FROM census_actors WHERE actor_id = $1),
                facts AS (
                  SELECT a.actor_id, a.territory AS actor_territory, a.commune_insee_code, a.closed_on, p.valid_from,
                         p.valid_until
                    FROM target t JOIN census_actors a ON a.actor_id = t.id
                    LEFT JOIN census_aptic_periods p ON p.actor_id = t.id),
                code AS (SELECT pass_id, order_id, booklet FROM pass_codes WHERE code_hash = $2)
                SELECT f.*, c.pass_id, c.order_id, c.booklet, ev.*
                  FROM (SELECT 1) one LEFT JOIN facts f ON true LEFT JOIN code c ON true
                  LEFT JOIN LATERAL (SELECT\s""" + EventStore.EVENT_COLUMNS + " FROM " + EventStore.EVENT_SOURCE
                + " WHERE e.stream_id = c.pass_id::text) ev ON true")
                .execute(Tuple.of(actorId, codeHash)).map(rows -> {
                    UUID id = actorId;
                    String territory = null;
                    String commune = null;
                    LocalDate closedOn = null;
                    Optional<PassCodes.Located> pass = Optional.empty();
                    Set<LabelPeriod> periods = new LinkedHashSet<>();
                    Map<Long, EventEnvelope> events = new TreeMap<>();
                    for (Row row : rows) {
                        if (row.getUUID("pass_id") != null) {
                            pass = Optional.of(new PassCodes.Located(row.getUUID("pass_id"), row.getUUID("order_id"),
                                    row.getInteger("booklet")));
                        }
                        if (row.getLong("global_position") != null) {
                            events.computeIfAbsent(row.getLong("global_position"), p -> EventStore.envelope(row));
                        }
                        if (row.getString("actor_territory") == null) {
                            continue;
                        }
                        id = row.getUUID("actor_id");
                        territory = row.getString("actor_territory");
                        commune = row.getString("commune_insee_code");
                        closedOn = row.getLocalDate("closed_on");
                        if (row.getLocalDate("valid_from") != null) {
                            periods.add(new LabelPeriod(row.getLocalDate("valid_from"),
                                    row.getLocalDate("valid_until")));
                        }
                    }
                    ActorFacts actor = territory == null ? ActorFacts.unknown(actorId)
                            : new ActorFacts(id, Territory.valueOf(territory), commune, List.copyOf(periods), closedOn);
                    return new Redeeming(actor, pass, List.copyOf(events.values()));
                });
    }
}
