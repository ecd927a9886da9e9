package fr.hubag.eventsourcing.consumer;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What a poll's transaction learns before its effect, in one statement: which of its streams have parked events
 * (their rows held {@code FOR KEY SHARE} against a re-apply, as {@link ParkedEvents} explains), and which of the
 * other streams' events are new (marked processed now). Two statements until 2026-11-28: every round trip of a
 * poll's transaction is one more wake-up of PostgreSQL and of the event loop on a busy machine (issue 8's tail).
 *
 * @param parked the streams with parked events: their events of the poll are parked behind them, not applied
 * @param fresh  the events marked now, never processed before
 */
record PollMarks(Set<String> parked, Set<UUID> fresh) {

    static Uni<PollMarks> mark(SqlConnection tx, String consumer, List<ConsumedEvent> events) {
        Set<String> streams = new HashSet<>();
        events.forEach(event -> streams.add(event.streamKey()));
        return tx.preparedQuery("""
                        WITH parked AS (
                            SELECT stream_id FROM es_parked_events WHERE consumer = $1 AND stream_id = ANY($2)
                               FOR KEY SHARE),
                        marked AS (
                            INSERT INTO es_processed_events (consumer, event_id)
                            SELECT $1, polled.id FROM unnest($3::uuid[], $4::text[]) AS polled(id, stream)
                             WHERE NOT EXISTS (SELECT 1 FROM parked WHERE parked.stream_id = polled.stream)
                            ON CONFLICT DO NOTHING RETURNING event_id)
                        SELECT stream_id, NULL::uuid FROM parked
                        UNION ALL
                        SELECT NULL, event_id FROM marked""")
                .execute(Tuple.of(consumer, streams.toArray(String[]::new),
                        events.stream().map(ConsumedEvent::eventId).toArray(UUID[]::new),
                        events.stream().map(ConsumedEvent::streamKey).toArray(String[]::new)))
                .map(rows -> {
                    Set<String> parked = new HashSet<>();
                    Set<UUID> fresh = new HashSet<>();
                    rows.forEach(row -> {
                        if (row.getString(0) != null) {
                            parked.add(row.getString(0));
                        } else {
                            fresh.add(row.getUUID(1));
                        }
                    });
                    return new PollMarks(parked, fresh);
                });
    }
}
