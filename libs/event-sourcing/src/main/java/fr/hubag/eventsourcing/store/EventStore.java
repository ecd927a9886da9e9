package fr.hubag.eventsourcing.store;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The PostgreSQL event store ({@code es_streams}, {@code es_events}; see docs/event-sourcing.md). Append-only:
 * an append names the version it expects the stream to be at; if another writer got there first the append
 * fails with {@link ConcurrencyConflict} and writes nothing.
 */
@ApplicationScoped
public class EventStore {

    private static final String UNIQUE_VIOLATION = "23505";

    private final Pool pool;

    public EventStore(Pool pool) {
        this.pool = pool;
    }

    /** All events of a stream in version order (empty if the stream does not exist). */
    public Uni<List<EventEnvelope>> readStream(String streamId) {
        return pool.preparedQuery("""
                        SELECT e.global_position, e.event_id, e.stream_id, s.stream_type, s.territory, e.stream_version,
                               e.event_type, e.schema_version, e.payload::text AS payload, e.metadata, e.occurred_at,
                               e.recorded_at
                          FROM es_events e JOIN es_streams s ON s.stream_id = e.stream_id
                         WHERE e.stream_id = $1
                         ORDER BY e.stream_version""")
                .execute(Tuple.of(streamId))
                .map(rows -> {
                    List<EventEnvelope> events = new ArrayList<>();
                    rows.forEach(row -> events.add(envelope(row)));
                    return events;
                });
    }

    /**
     * Appends events to a stream inside the caller's transaction ({@code client} is a connection in a
     * transaction). {@code expectedVersion} 0 means "the stream must not exist yet".
     */
    public Uni<AppendResult> append(SqlClient client, String streamId, String streamType, String territory,
                                    long expectedVersion, List<NewEvent> events, EventMetadata metadata) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(new AppendResult(streamId, expectedVersion, List.of()));
        }
        long newVersion = expectedVersion + events.size();
        Uni<Integer> claimed = expectedVersion == 0
                ? client.preparedQuery("""
                        INSERT INTO es_streams (stream_id, stream_type, territory, version)
                        VALUES ($1, $2, $3, $4) ON CONFLICT (stream_id) DO NOTHING""")
                        .execute(Tuple.of(streamId, streamType, territory, newVersion)).map(r -> r.rowCount())
                : client.preparedQuery("""
                        UPDATE es_streams SET version = $2, updated_at = now()
                         WHERE stream_id = $1 AND version = $3""")
                        .execute(Tuple.of(streamId, newVersion, expectedVersion)).map(r -> r.rowCount());
        return claimed.flatMap(count -> count == 1
                        ? insertEvents(client, streamId, streamType, territory, expectedVersion, events, metadata)
                        : currentVersion(client, streamId).flatMap(actual ->
                                Uni.createFrom().failure(new ConcurrencyConflict(streamId, expectedVersion, actual))))
                .map(stored -> new AppendResult(streamId, newVersion, stored))
                .onFailure(PgException.class).transform(failure -> isUniqueViolation(failure)
                        ? new ConcurrencyConflict(streamId, expectedVersion, -1) : failure);
    }

    /** The stream's current version, 0 if it does not exist. */
    public Uni<Long> currentVersion(SqlClient client, String streamId) {
        return client.preparedQuery("SELECT version FROM es_streams WHERE stream_id = $1")
                .execute(Tuple.of(streamId))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getLong(0) : 0L);
    }

    private Uni<List<EventEnvelope>> insertEvents(SqlClient client, String streamId, String streamType,
                                                  String territory, long expectedVersion, List<NewEvent> events,
                                                  EventMetadata metadata) {
        Uni<List<EventEnvelope>> chain = Uni.createFrom().item(new ArrayList<>());
        long version = expectedVersion;
        for (NewEvent event : events) {
            long streamVersion = ++version;
            chain = chain.flatMap(stored -> client.preparedQuery("""
                            INSERT INTO es_events (event_id, stream_id, stream_version, event_type, schema_version,
                                                   payload, metadata, occurred_at)
                            VALUES ($1, $2, $3, $4, $5, $6::text::jsonb, $7, $8)
                            RETURNING global_position, recorded_at""")
                    .execute(Tuple.from(List.of(event.eventId(), streamId, streamVersion, event.type(),
                            event.schemaVersion(), event.payload(), metadata.toJson(),
                            OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC))))
                    .map(rows -> {
                        Row row = rows.iterator().next();
                        stored.add(new EventEnvelope(row.getLong("global_position"), event.eventId(), streamId,
                                streamType, territory, streamVersion, event.type(), event.schemaVersion(),
                                event.payload(), metadata, event.occurredAt(),
                                row.getOffsetDateTime("recorded_at").toInstant()));
                        return stored;
                    }));
        }
        return chain;
    }

    static EventEnvelope envelope(Row row) {
        JsonObject metadata = row.getJsonObject("metadata");
        return new EventEnvelope(
                row.getLong("global_position"),
                row.getUUID("event_id"),
                row.getString("stream_id"),
                row.getString("stream_type"),
                row.getString("territory"),
                row.getLong("stream_version"),
                row.getString("event_type"),
                row.getInteger("schema_version"),
                row.getString("payload"),
                EventMetadata.fromJson(metadata == null ? new JsonObject() : metadata),
                row.getOffsetDateTime("occurred_at").toInstant(),
                row.getOffsetDateTime("recorded_at").toInstant());
    }

    private static boolean isUniqueViolation(Throwable failure) {
        // only a clash on the stream's version means another writer won; an event-id clash is a real error
        return failure instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())
                && ("es_events_stream_version_key".equals(pg.getConstraint())
                    || "es_streams_pkey".equals(pg.getConstraint()));
    }
}
