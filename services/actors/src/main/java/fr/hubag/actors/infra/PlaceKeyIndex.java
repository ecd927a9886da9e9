package fr.hubag.actors.infra;

import fr.hubag.actors.domain.PlaceKey;
import fr.hubag.actors.infra.KeyColumns.Known;
import fr.hubag.contracts.actors.ActorEvent;
import fr.hubag.contracts.actors.Place;
import fr.hubag.domain.Territory;
import fr.hubag.eventsourcing.store.VisibilityHorizon;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The census's likely-duplicate keys ({@link PlaceKey}), one indexed row per actor in {@code actor_place_keys}, so
 * that an import looks up only the few places that share a key with its rows instead of loading the census. The
 * rows are derived from the event store, the write side's own truth: {@link #catchUp()} applies the registrations,
 * changes and merges recorded since its checkpoint, in the relay's order (transaction id, then position, only
 * transactions older than any still running), so an event committed late is never passed over; the checkpoint
 * moves in the same transaction as the keys. Closed places keep their keys: a file listing one again is worth a
 * look.
 */
@ApplicationScoped
public class PlaceKeyIndex {

    /** Events applied per transaction: bounds the memory of a catch-up over a whole census. */
    private static final int BATCH = 1000;

    private static final Logger LOG = Logger.getLogger(PlaceKeyIndex.class);

    private final Pool pool;

    public PlaceKeyIndex(Pool pool) {
        this.pool = pool;
    }

    /** Brings the keys up to date at start (a census recorded before the index existed), beside serving requests. */
    void onStart(@Observes StartupEvent start) {
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            try {
                LOG.infof("place keys: %d events applied at start", catchUp());
            } catch (RuntimeException e) {
                LOG.warnf("place keys not caught up at start (the next import will): %s", e.getMessage());
            }
        });
    }

    /** Brings the keys up to date with every committed event; returns how many events it applied. */
    public long catchUp() {
        long applied = 0;
        int batch;
        do {
            batch = pool.withTransaction(this::applyBatch).await().atMost(Duration.ofMinutes(1));
            applied += batch;
        } while (batch == BATCH);
        return applied;
    }

    /** The places of the census, in these territories, that share a key with one of {@code keys}. */
    public List<Known> sharingAKey(Collection<Territory> territories, Collection<PlaceKey> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        Tuple params = KeyColumns.lookup(Tuple.tuple().addArrayOfString(
                territories.stream().map(Territory::name).toArray(String[]::new)), keys);
        return KeyColumns.lookUp(pool, KeyColumns.sharingAKey("actor_place_keys",
                        "NOT k.absorbed AND k.territory = ANY($1)", 2, ""), params)
                .stream().map(row -> KeyColumns.read(row, null)).toList();
    }

    private Uni<Integer> applyBatch(SqlClient tx) {
        return tx.query("SELECT last_tx_id::text AS tx, last_position FROM actor_place_keys_checkpoint "
                        + "WHERE id = 1 FOR UPDATE").execute()
                .flatMap(checkpoint -> {
                    Row at = checkpoint.iterator().next();
                    // below this database's horizon only (another database's transactions do not hold it back)
                    return tx.preparedQuery(VisibilityHorizon.WITH + """
                                    SELECT e.tx_id::text AS tx, e.global_position, s.territory, e.stream_version,
                                           e.event_type, e.schema_version, e.payload::text AS payload
                                      FROM es_events e JOIN es_streams s ON s.stream_id = e.stream_id
                                     WHERE (e.tx_id, e.global_position) > ($1::xid8, $2)
                                       AND e.tx_id < (SELECT xid FROM horizon)
                                       AND s.stream_type = 'actor'
                                       AND e.event_type IN ('ActorRegistered', 'ActorDetailsChanged', 'ActorsMerged')
                                     ORDER BY e.tx_id, e.global_position
                                     LIMIT $3""")
                            .execute(Tuple.of(at.getString("tx"), at.getLong("last_position"), BATCH));
                })
                .flatMap(events -> apply(tx, events).replaceWith(events.size()));
    }

    private record Latest(long version, String territory, Place place, boolean absorbed) {}

    private Uni<?> apply(SqlClient tx, RowSet<Row> events) {
        if (events.size() == 0) {
            return Uni.createFrom().voidItem();
        }
        // the latest of each actor in the batch: one row per actor in the statement, the version guard does the rest
        Map<UUID, Latest> latest = new LinkedHashMap<>();
        String lastTx = null;
        long lastPosition = 0;
        for (Row row : events) {
            lastTx = row.getString("tx");
            lastPosition = row.getLong("global_position");
            ActorEvent event = ActorStreams.CODEC.decode(row.getString("event_type"), row.getInteger("schema_version"),
                    row.getString("payload"));
            long version = row.getLong("stream_version");
            Latest next = switch (event) {
                case ActorEvent.ActorRegistered registered -> new Latest(version, row.getString("territory"),
                        registered.place(), false);
                case ActorEvent.ActorDetailsChanged changed -> new Latest(version, row.getString("territory"),
                        changed.place(), false);
                case ActorEvent.ActorsMerged merged when merged.actorId().equals(merged.absorbedActorId()) ->
                        new Latest(version, row.getString("territory"), null, true);
                default -> null;
            };
            if (next != null) {
                Latest before = latest.get(event.actorId());
                latest.put(event.actorId(), next.absorbed() && before != null
                        ? new Latest(version, before.territory(), before.place(), true) : next);
            }
        }
        Tuple checkpoint = Tuple.of(lastTx, lastPosition);
        return upsert(tx, latest).flatMap(done -> tx.preparedQuery(
                        "UPDATE actor_place_keys_checkpoint SET last_tx_id = $1::xid8, last_position = $2 WHERE id = 1")
                .execute(checkpoint));
    }

    private static Uni<?> upsert(SqlClient tx, Map<UUID, Latest> latest) {
        KeyColumns columns = new KeyColumns();
        List<String> territories = new ArrayList<>();
        List<Long> versions = new ArrayList<>();
        List<UUID> absorbed = new ArrayList<>();
        List<Long> absorbedAt = new ArrayList<>();
        latest.forEach((actorId, row) -> {
            if (row.place() != null) {
                columns.add(actorId, row.place().name(), PlaceKey.of(row.place()));
                territories.add(row.territory());
                versions.add(row.version());
            }
            if (row.absorbed()) {
                absorbed.add(actorId);
                absorbedAt.add(row.version());
            }
        });
        Uni<?> upserted = columns.isEmpty() ? Uni.createFrom().voidItem() : tx.preparedQuery(
                        "INSERT INTO actor_place_keys (" + KeyColumns.NAMES + ", territory, version) SELECT * FROM "
                                + KeyColumns.unnest(1, "text", "bigint") + """
                                 ON CONFLICT (actor_id) DO UPDATE SET name = EXCLUDED.name,
                                    name_and_address = EXCLUDED.name_and_address, phone = EXCLUDED.phone,
                                    cell = EXCLUDED.cell, latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude,
                                    territory = EXCLUDED.territory, version = EXCLUDED.version
                                  WHERE actor_place_keys.version < EXCLUDED.version""")
                .execute(columns.appendTo(Tuple.tuple()).addArrayOfString(territories.toArray(String[]::new))
                        .addArrayOfLong(versions.toArray(Long[]::new)));
        if (absorbed.isEmpty()) {
            return upserted;
        }
        // an absorbed actor is out for good: its row is marked, whatever version the upsert above left
        return upserted.flatMap(done -> tx.preparedQuery("""
                        UPDATE actor_place_keys k SET absorbed = true, version = greatest(k.version, m.version)
                          FROM unnest($1::uuid[], $2::bigint[]) AS m(actor_id, version)
                         WHERE k.actor_id = m.actor_id""")
                .execute(Tuple.tuple().addArrayOfUUID(absorbed.toArray(UUID[]::new))
                        .addArrayOfLong(absorbedAt.toArray(Long[]::new))));
    }
}
