package fr.hubag.eventsourcing.consumer;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The events a consumer parked ({@code es_parked_events}): an event it could not apply after its retries, and the
 * later events of the same stream, parked behind it to keep the stream's order. An admin lists them and, once the
 * code or the data is fixed, re-applies them stream by stream in their order — each in its own transaction with its
 * processed-event mark, so a re-apply run twice, or a redelivery, applies nothing twice — or discards one that can
 * never apply (it is then marked processed without effect).
 *
 * <p>The consumer checks "is this stream parked?" with {@code FOR KEY SHARE} on the parked rows and a re-apply
 * holds the row it applies {@code FOR UPDATE}: a new event of the stream waits for the re-apply of the one before it,
 * then is applied after it or parked behind what remains — never applied ahead of it.
 */
@ApplicationScoped
public class ParkedEvents {

    /** The error recorded for an event parked only because an earlier event of its stream is parked. */
    public static final String BEHIND = "parked behind an earlier event of its stream";
    private static final int MAX_ERROR = 2_000;

    private final Pool pool;

    public ParkedEvents(Pool pool) {
        this.pool = pool;
    }

    /** One parked event as stored; {@code payload} as received (it may not be JSON). */
    public record Parked(String consumer, UUID eventId, String streamId, String topic, int partition, long offset,
                         String eventType, int schemaVersion, String territory, long streamVersion,
                         String correlationId, Instant recordedAt, String payload, String error, int attempts,
                         Instant parkedAt) {

        ConsumedEvent event() {
            return new ConsumedEvent(eventId, eventType, schemaVersion, streamId, territory, streamVersion, payload,
                    correlationId, topic, partition, offset, null, recordedAt);
        }
    }

    /** The outcome of a re-apply: what was applied, skipped (already applied), what failed again and remains. */
    public record Replay(int applied, int skipped, int remaining, List<Failure> failures) {}

    /** A stream whose re-apply stopped at an event that failed again; its later events stay parked. */
    public record Failure(String streamId, UUID eventId, String error) {}

    /** The parked events of a consumer (of one stream if {@code stream} is not null), in order, {@code limit} at most. */
    public Uni<List<Parked>> list(String consumer, String stream, int limit) {
        return pool.preparedQuery("""
                        SELECT * FROM es_parked_events WHERE consumer = $1 AND ($2::text IS NULL OR stream_id = $2)
                         ORDER BY stream_id, topic, kafka_partition, kafka_offset LIMIT $3""")
                .execute(Tuple.of(consumer, stream, limit))
                .map(rows -> {
                    List<Parked> parked = new ArrayList<>();
                    rows.forEach(row -> parked.add(parked(row)));
                    return parked;
                });
    }

    /** How many events the consumer holds parked. */
    public Uni<Long> count(String consumer) {
        return pool.preparedQuery("SELECT count(*) FROM es_parked_events WHERE consumer = $1")
                .execute(Tuple.of(consumer)).map(rows -> rows.iterator().next().getLong(0));
    }

    /**
     * Re-applies the parked events of one stream (or of every stream, {@code stream} null) in order with the
     * consumer's effect. A stream stops at the first event that fails again (its error and attempts updated); the
     * other streams go on.
     */
    public Uni<Replay> replay(String consumer, String stream,
                              BiFunction<SqlConnection, ConsumedEvent, Uni<Void>> effect) {
        return pool.preparedQuery("""
                        SELECT DISTINCT stream_id FROM es_parked_events
                         WHERE consumer = $1 AND ($2::text IS NULL OR stream_id = $2) ORDER BY stream_id""")
                .execute(Tuple.of(consumer, stream))
                .flatMap(rows -> {
                    List<String> streams = new ArrayList<>();
                    rows.forEach(row -> streams.add(row.getString(0)));
                    Tally tally = new Tally();
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (String each : streams) {
                        chain = chain.chain(() -> replayStream(consumer, each, effect, tally));
                    }
                    return chain.chain(() -> pool.preparedQuery("""
                                    SELECT count(*) FROM es_parked_events
                                     WHERE consumer = $1 AND ($2::text IS NULL OR stream_id = $2)""")
                            .execute(Tuple.of(consumer, stream)))
                            .map(left -> new Replay(tally.applied, tally.skipped,
                                    left.iterator().next().getLong(0).intValue(), List.copyOf(tally.failures)));
                });
    }

    /** Drops one parked event for good: marked processed without effect, so a redelivery skips it too. */
    public Uni<Boolean> discard(String consumer, UUID eventId) {
        return pool.withTransaction(tx -> tx.preparedQuery(
                        "DELETE FROM es_parked_events WHERE consumer = $1 AND event_id = $2")
                .execute(Tuple.of(consumer, eventId))
                .flatMap(deleted -> deleted.rowCount() == 0 ? Uni.createFrom().item(false)
                        : tx.preparedQuery("""
                                INSERT INTO es_processed_events (consumer, event_id) VALUES ($1, $2)
                                ON CONFLICT DO NOTHING""").execute(Tuple.of(consumer, eventId)).replaceWith(true)));
    }

    private static final class Tally {
        int applied;
        int skipped;
        final List<Failure> failures = new ArrayList<>();
    }

    /** The stream's first parked event applied and removed in one transaction; then the next, till none or one fails. */
    private Uni<Void> replayStream(String consumer, String stream,
                                   BiFunction<SqlConnection, ConsumedEvent, Uni<Void>> effect, Tally tally) {
        Parked[] current = new Parked[1];
        return pool.withTransaction(tx -> tx.preparedQuery("""
                        SELECT * FROM es_parked_events WHERE consumer = $1 AND stream_id = $2
                         ORDER BY topic, kafka_partition, kafka_offset LIMIT 1 FOR UPDATE""")
                        .execute(Tuple.of(consumer, stream))
                        .flatMap(rows -> {
                            if (!rows.iterator().hasNext()) {
                                return Uni.createFrom().item(false);
                            }
                            Parked parked = parked(rows.iterator().next());
                            current[0] = parked;
                            return tx.preparedQuery("""
                                            INSERT INTO es_processed_events (consumer, event_id) VALUES ($1, $2)
                                            ON CONFLICT DO NOTHING""")
                                    .execute(Tuple.of(consumer, parked.eventId()))
                                    .flatMap(marked -> {
                                        boolean fresh = marked.rowCount() == 1;
                                        Uni<Void> applied = fresh ? effect.apply(tx, parked.event())
                                                : Uni.createFrom().voidItem();
                                        return applied.invoke(() -> {
                                            if (fresh) {
                                                tally.applied++;
                                            } else {
                                                tally.skipped++;
                                            }
                                        });
                                    })
                                    .chain(() -> tx.preparedQuery("""
                                                    DELETE FROM es_parked_events
                                                     WHERE consumer = $1 AND event_id = $2""")
                                            .execute(Tuple.of(consumer, parked.eventId())))
                                    .replaceWith(true);
                        }))
                .onFailure().recoverWithUni(failure -> failedAgain(consumer, current[0], failure, tally)
                        .replaceWith(false))
                .flatMap(more -> more ? replayStream(consumer, stream, effect, tally) : Uni.createFrom().voidItem());
    }

    private Uni<Void> failedAgain(String consumer, Parked parked, Throwable failure, Tally tally) {
        if (parked == null) {
            return Uni.createFrom().failure(failure); // the store itself failed, not the event
        }
        String error = describe(failure);
        tally.failures.add(new Failure(parked.streamId(), parked.eventId(), error));
        return pool.preparedQuery("""
                        UPDATE es_parked_events SET error = $3, attempts = attempts + 1
                         WHERE consumer = $1 AND event_id = $2""")
                .execute(Tuple.of(consumer, parked.eventId(), error)).replaceWithVoid();
    }

    // --- used by IdempotentConsumer, inside its transactions ---

    /** Which of these streams have parked events for the consumer; their rows are held against a re-apply. */
    static Uni<Set<String>> parkedStreams(SqlConnection tx, String consumer, Collection<String> streams) {
        return tx.preparedQuery("""
                        SELECT stream_id FROM es_parked_events WHERE consumer = $1 AND stream_id = ANY($2)
                           FOR KEY SHARE""")
                .execute(Tuple.of(consumer, streams.toArray(String[]::new)))
                .map(rows -> {
                    Set<String> parked = new HashSet<>();
                    rows.forEach(row -> parked.add(row.getString(0)));
                    return parked;
                });
    }

    /** Parks the events with their error; one parked already (a redelivery) stays as it was. */
    static Uni<Integer> park(SqlConnection tx, String consumer, List<ConsumedEvent> events, String error,
                             int attempts) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        var tuple = Tuple.tuple().addString(consumer)
                .addArrayOfUUID(events.stream().map(ConsumedEvent::eventId).toArray(UUID[]::new))
                .addArrayOfString(events.stream().map(ConsumedEvent::streamKey).toArray(String[]::new))
                .addArrayOfString(events.stream().map(ConsumedEvent::topic).toArray(String[]::new))
                .addArrayOfInteger(events.stream().map(ConsumedEvent::partition).toArray(Integer[]::new))
                .addArrayOfLong(events.stream().map(ConsumedEvent::offset).toArray(Long[]::new))
                .addArrayOfString(events.stream().map(ConsumedEvent::ceType).toArray(String[]::new))
                .addArrayOfInteger(events.stream().map(ConsumedEvent::schemaVersion).toArray(Integer[]::new))
                .addArrayOfString(events.stream().map(ConsumedEvent::territory).toArray(String[]::new))
                .addArrayOfLong(events.stream().map(ConsumedEvent::streamVersion).toArray(Long[]::new))
                .addArrayOfString(events.stream().map(ConsumedEvent::correlationId).toArray(String[]::new))
                .addArrayOfOffsetDateTime(events.stream().map(e -> e.recordedAt() == null ? null
                        : e.recordedAt().atOffset(java.time.ZoneOffset.UTC)).toArray(OffsetDateTime[]::new))
                .addArrayOfString(events.stream().map(e -> java.util.Base64.getEncoder().encodeToString(
                        String.valueOf(e.payload()).getBytes(StandardCharsets.UTF_8))).toArray(String[]::new))
                .addString(truncate(error)).addInteger(attempts);
        return tx.preparedQuery("""
                        INSERT INTO es_parked_events (consumer, event_id, stream_id, topic, kafka_partition,
                               kafka_offset, event_type, schema_version, territory, stream_version, correlation_id,
                               recorded_at, payload, error, attempts)
                        SELECT $1, e.id, e.s, e.t, e.p, e.o, e.ty, e.sv, e.te, e.v, e.c, e.r, decode(e.b, 'base64'),
                               $14, $15
                          FROM unnest($2::uuid[], $3::text[], $4::text[], $5::int[], $6::bigint[], $7::text[],
                                      $8::int[], $9::text[], $10::bigint[], $11::text[], $12::timestamptz[],
                                      $13::text[]) AS e(id, s, t, p, o, ty, sv, te, v, c, r, b)
                        ON CONFLICT (consumer, event_id) DO NOTHING""")
                .execute(tuple).map(result -> result.rowCount());
    }

    /** The error as parked: its kind and message (and its cause's), bounded. */
    static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null && text.length() < MAX_ERROR;
             t = t.getCause() == t ? null : t.getCause()) {
            text.append(text.isEmpty() ? "" : "; caused by ").append(t.getClass().getSimpleName()).append(": ")
                    .append(t.getMessage());
        }
        return truncate(text.toString());
    }

    private static String truncate(String text) {
        String clean = text.replace('\u0000', ' ');
        return clean.length() <= MAX_ERROR ? clean : clean.substring(0, MAX_ERROR);
    }

    private static Parked parked(Row row) {
        OffsetDateTime recorded = row.getOffsetDateTime("recorded_at");
        return new Parked(row.getString("consumer"), row.getUUID("event_id"), row.getString("stream_id"),
                row.getString("topic"), row.getInteger("kafka_partition"), row.getLong("kafka_offset"),
                row.getString("event_type"), row.getInteger("schema_version"), row.getString("territory"),
                row.getLong("stream_version"), row.getString("correlation_id"),
                recorded == null ? null : recorded.toInstant(),
                new String(row.getBuffer("payload").getBytes(), StandardCharsets.UTF_8),
                row.getString("error"), row.getInteger("attempts"), row.getOffsetDateTime("parked_at").toInstant());
    }
}
