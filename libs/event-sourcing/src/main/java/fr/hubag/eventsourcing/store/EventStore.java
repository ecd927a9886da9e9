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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The PostgreSQL event store ({@code es_streams}, {@code es_events}; see docs/event-sourcing.md). Append-only:
 * an append names the version it expects the stream to be at; if another writer got there first the append
 * fails with {@link ConcurrencyConflict} and writes nothing.
 *
 * <p>Each append is one SQL statement (claim the version, insert the events, and optionally remember the
 * command's idempotency key), so a command on one stream costs one round trip and one commit; a command's read
 * (its streams and its idempotency key) is one statement too.
 */
@ApplicationScoped
public class EventStore {

    /**
     * A stream's events as {@link #envelope} reads them, from {@link #EVENT_SOURCE}: for a service statement that
     * reads a stream along with a look-up of its own, so that a command costs one round trip less (a pass's events
     * with its code's look-up; {@code CommandExecutor}'s {@code alreadyRead}).
     */
    public static final String EVENT_COLUMNS = """
            e.global_position, e.event_id, e.stream_id, s.stream_type, s.territory, e.stream_version, e.event_type,
            e.schema_version, e.payload::text AS payload, e.metadata, e.occurred_at, e.recorded_at""";
    public static final String EVENT_SOURCE = "es_events e JOIN es_streams s ON s.stream_id = e.stream_id";

    private static final String UNIQUE_VIOLATION = "23505";
    static final String KEY_CONSTRAINT = "es_idempotency_keys_pkey";

    private final Pool pool;

    public EventStore(Pool pool) {
        this.pool = pool;
    }

    /** All events of a stream in version order (empty if the stream does not exist). */
    public Uni<List<EventEnvelope>> readStream(String streamId) {
        return read(List.of(streamId), null).map(read -> read.streams().get(streamId));
    }

    /**
     * Reads several streams and, when {@code key} is given, what was stored under that idempotency key — in one
     * statement, so a command knows in one round trip both whether it was answered before and what its streams hold.
     */
    public Uni<CommandRead> read(List<String> streamIds, KeyLookup key) {
        String events = "SELECT 0 AS kind, " + EVENT_COLUMNS + ", NULL::text AS request_hash, NULL::text AS answer"
                + "\n  FROM " + EVENT_SOURCE + "\n WHERE e.stream_id = ANY($1)";
        String keys = """
                SELECT 1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, request_hash, answer
                  FROM es_idempotency_keys WHERE scope = $2 AND idempotency_key = $3""";
        String sql = (key == null ? events : events + "\nUNION ALL\n" + keys)
                + "\n ORDER BY kind, stream_id, stream_version";
        Tuple params = key == null ? Tuple.of(streamIds.toArray(String[]::new))
                : Tuple.of(streamIds.toArray(String[]::new), key.scope(), key.key());
        return pool.preparedQuery(sql).execute(params).map(rows -> {
            Map<String, List<EventEnvelope>> streams = new LinkedHashMap<>();
            streamIds.forEach(id -> streams.put(id, new ArrayList<>()));
            Optional<StoredAnswer> stored = Optional.empty();
            for (Row row : rows) {
                if (row.getInteger("kind") == 0) {
                    streams.get(row.getString("stream_id")).add(envelope(row));
                } else {
                    stored = Optional.of(new StoredAnswer(row.getString("request_hash"), row.getString("answer")));
                }
            }
            return new CommandRead(streams, stored);
        });
    }

    /** Where to look for an idempotency key: the caller's scope and the key. */
    public record KeyLookup(String scope, String key) {}

    /** What a command's key was answered with the first time, and the hash of the request it came with. */
    public record StoredAnswer(String requestHash, String answer) {}

    /** The streams a command reads, in version order, and its key's stored answer if it was answered before. */
    public record CommandRead(Map<String, List<EventEnvelope>> streams, Optional<StoredAnswer> stored) {}

    /** An idempotency key to remember with an append, and the answer to replay for it. */
    public record KeyRecord(String scope, String key, String requestHash, String answer) {}

    /**
     * Appends events to a stream ({@code client} is the pool for a statement of its own, or a connection in a
     * transaction). {@code expectedVersion} 0 means "the stream must not exist yet".
     */
    public Uni<AppendResult> append(SqlClient client, String streamId, String streamType, String territory,
                                    long expectedVersion, List<NewEvent> events, EventMetadata metadata) {
        return append(client, streamId, streamType, territory, expectedVersion, events, metadata, null);
    }

    /**
     * The same, remembering {@code key} in the same statement: the events and the key are stored together or not
     * at all. A key already stored fails with {@link DuplicateIdempotencyKey} and stores nothing.
     */
    public Uni<AppendResult> append(SqlClient client, String streamId, String streamType, String territory,
                                    long expectedVersion, List<NewEvent> events, EventMetadata metadata,
                                    KeyRecord key) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(new AppendResult(streamId, expectedVersion, List.of()));
        }
        long newVersion = expectedVersion + events.size();
        List<Object> params = new ArrayList<>();
        String claim;
        if (expectedVersion == 0) {
            params.addAll(List.of(streamId, streamType, territory, newVersion));
            claim = """
                    INSERT INTO es_streams (stream_id, stream_type, territory, version) VALUES ($1, $2, $3, $4)
                    ON CONFLICT (stream_id) DO NOTHING RETURNING stream_id""";
        } else {
            params.addAll(List.of(streamId, newVersion, expectedVersion));
            claim = """
                    UPDATE es_streams SET version = $2, updated_at = now() WHERE stream_id = $1 AND version = $3
                    RETURNING stream_id""";
        }
        int p = params.size();
        params.add(expectedVersion);
        params.add(metadata.toJson());
        params.add(events.stream().map(NewEvent::eventId).toArray(UUID[]::new));
        params.add(events.stream().map(NewEvent::type).toArray(String[]::new));
        params.add(events.stream().map(NewEvent::schemaVersion).toArray(Integer[]::new));
        params.add(events.stream().map(NewEvent::payload).toArray(String[]::new));
        params.add(events.stream().map(e -> OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC))
                .toArray(OffsetDateTime[]::new));
        String sql = "WITH claim AS (" + claim + """
                ), appended AS (
                  INSERT INTO es_events (event_id, stream_id, stream_version, event_type, schema_version, payload,
                                         metadata, occurred_at)
                  SELECT e.id, c.stream_id, $%d::bigint + e.n, e.type, e.version, e.payload::jsonb, $%d, e.at
                    FROM claim c, unnest($%d::uuid[], $%d::text[], $%d::int[], $%d::text[], $%d::timestamptz[])
                         WITH ORDINALITY AS e(id, type, version, payload, at, n)
                   ORDER BY e.n
                  RETURNING global_position, event_id, stream_version, recorded_at)""".formatted(
                p + 1, p + 2, p + 3, p + 4, p + 5, p + 6, p + 7);
        if (key != null) {
            int k = params.size();
            params.addAll(List.of(key.scope(), key.key(), key.requestHash(), key.answer()));
            sql += """
                    , remembered AS (
                      INSERT INTO es_idempotency_keys (scope, idempotency_key, request_hash, answer)
                      SELECT $%d, $%d, $%d, $%d FROM claim)""".formatted(k + 1, k + 2, k + 3, k + 4);
        }
        sql += "\nSELECT global_position, event_id, stream_version, recorded_at FROM appended ORDER BY stream_version";
        return client.preparedQuery(sql).execute(Tuple.from(params))
                .flatMap(rows -> {
                    if (rows.rowCount() == 0) {
                        // the claim matched nothing: another writer moved the stream first (say where it is now)
                        return currentVersion(client, streamId).map(actual -> {
                            throw new ConcurrencyConflict(streamId, expectedVersion, actual);
                        });
                    }
                    List<EventEnvelope> stored = new ArrayList<>();
                    int i = 0;
                    for (Row row : rows) {
                        NewEvent event = events.get(i++);
                        stored.add(new EventEnvelope(row.getLong("global_position"), event.eventId(), streamId,
                                streamType, territory, row.getLong("stream_version"), event.type(),
                                event.schemaVersion(), event.payload(), metadata, event.occurredAt(),
                                row.getOffsetDateTime("recorded_at").toInstant()));
                    }
                    return Uni.createFrom().item(new AppendResult(streamId, newVersion, stored));
                })
                .onFailure(PgException.class).transform(failure -> {
                    PgException pg = (PgException) failure;
                    if (!UNIQUE_VIOLATION.equals(pg.getSqlState())) {
                        return failure;
                    }
                    if (KEY_CONSTRAINT.equals(pg.getConstraint())) {
                        return new DuplicateIdempotencyKey();
                    }
                    // only a clash on the stream's version means another writer won; an event-id clash is an error
                    return "es_events_stream_version_key".equals(pg.getConstraint())
                            || "es_streams_pkey".equals(pg.getConstraint())
                            ? new ConcurrencyConflict(streamId, expectedVersion, -1) : failure;
                });
    }

    /** The stream's current version, 0 if it does not exist. */
    public Uni<Long> currentVersion(SqlClient client, String streamId) {
        return client.preparedQuery("SELECT version FROM es_streams WHERE stream_id = $1")
                .execute(Tuple.of(streamId))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getLong(0) : 0L);
    }

    /** The idempotency key of an append was stored meanwhile by a concurrent request with the same key. */
    public static final class DuplicateIdempotencyKey extends RuntimeException {
        public DuplicateIdempotencyKey() { super("idempotency key stored concurrently", null, false, false); }
    }

    /** An event of a row read with {@link #EVENT_COLUMNS}. */
    public static EventEnvelope envelope(Row row) {
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
}
