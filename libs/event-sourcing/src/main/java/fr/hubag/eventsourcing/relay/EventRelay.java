package fr.hubag.eventsourcing.relay;

import fr.hubag.eventsourcing.store.EventEnvelope;
import fr.hubag.eventsourcing.store.EventMetadata;
import fr.hubag.eventsourcing.store.EventStore;
import fr.hubag.eventsourcing.store.VisibilityHorizon;
import fr.hubag.eventsourcing.tracing.TraceContext;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import io.vertx.core.json.JsonObject;

/**
 * Publishes committed events from the event store to Kafka — the only way an event reaches the broker (no dual
 * writes). One relay at a time per store (a transaction-scoped advisory lock); it reads in (transaction id,
 * position) order only events whose transaction is older than every transaction of this database still running
 * ({@link VisibilityHorizon}), so an event whose transaction commits after a later-numbered one is never passed
 * over. The checkpoint moves in the same database transaction, past the records
 * the broker acknowledged up to the first it refused ({@link UnpublishableEvent}): what was acknowledged is not sent
 * again, a crash in between republishes (at least once), nothing is skipped.
 *
 * <p>An event recorded under a trace (its metadata's {@code traceparent}) is published in a producer span of that
 * trace, whose context travels as the record's {@code traceparent} header: the consumers continue the trace.
 *
 * <p>Plain JDBC on its own thread: it is a background loop, blocking is simplest and keeps event-loop threads free.
 */
public class EventRelay {

    private static final Logger LOG = Logger.getLogger(EventRelay.class);

    private final DataSource dataSource;
    private final Producer<String, byte[]> producer;
    private final RelaySettings settings;
    private final Tracer tracer;

    public EventRelay(DataSource dataSource, Producer<String, byte[]> producer, RelaySettings settings) {
        this(dataSource, producer, settings, OpenTelemetry.noop().getTracer(TRACER));
    }

    public EventRelay(DataSource dataSource, Producer<String, byte[]> producer, RelaySettings settings,
                      Tracer tracer) {
        this.dataSource = dataSource;
        this.producer = producer;
        this.settings = settings;
        this.tracer = tracer;
    }

    /** The instrumentation scope of the kernel's spans. */
    public static final String TRACER = "fr.hubag.eventsourcing";

    /**
     * Publishes at most one batch. Returns how many events were published, 0 if there was nothing to do or another
     * relay holds the lock.
     */
    public int publishBatch() throws SQLException, InterruptedException {
        return publishBatch(settings.batchSize());
    }

    /**
     * Publishes at most {@code limit} events. When the broker does not acknowledge one, the checkpoint still moves
     * past those acknowledged before it, and {@link UnpublishableEvent} names it; the relay then goes on one event
     * at a time ({@code limit} 1), so the events behind a stuck one are not sent again and again.
     */
    public int publishBatch(int limit) throws SQLException, InterruptedException {
        Published published;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                published = publishBatch(connection, limit);
                connection.commit();
            } catch (SQLException | RuntimeException | InterruptedException e) {
                connection.rollback();
                throw e;
            }
        }
        if (published.failure() != null) {
            throw published.failure();
        }
        return published.count();
    }

    private record Published(int count, UnpublishableEvent failure) {}

    private Published publishBatch(Connection connection, int limit) throws SQLException, InterruptedException {
        if (!tryLock(connection)) {
            return new Published(0, null);
        }
        Checkpoint checkpoint = checkpoint(connection);
        List<Pending> batch = committedAfter(connection, checkpoint, limit);
        if (batch.isEmpty()) {
            return new Published(0, null);
        }
        UnpublishableEvent failure = null;
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        List<Span> spans = new ArrayList<>();
        Span[] bySpan = new Span[batch.size()];
        try {
            for (Pending pending : batch) {
                EventEnvelope event = pending.event();
                Headers headers = CloudEventHeaders.of(event, settings.service());
                Span span = publishSpan(event);
                if (span != null) {
                    spans.add(span);
                    bySpan[acks.size()] = span;
                    CloudEventHeaders.put(headers, CloudEventHeaders.TRACEPARENT,
                            TraceContext.traceparentOf(Context.root().with(span)));
                }
                acks.add(producer.send(new ProducerRecord<>(settings.topic(), null, event.streamId(),
                        event.payload().getBytes(StandardCharsets.UTF_8), headers)));
            }
            producer.flush();
            // the acknowledged prefix is done for good; from the first refusal on, the events wait
            for (int i = 0; i < acks.size() && failure == null; i++) {
                try {
                    acks.get(i).get();
                } catch (ExecutionException e) {
                    failure = new UnpublishableEvent(batch.get(i).event(), i, e.getCause());
                    batch = batch.subList(0, i);
                    if (bySpan[i] != null) {
                        bySpan[i].setStatus(StatusCode.ERROR, failure.getMessage());
                    }
                }
            }
        } catch (RuntimeException | InterruptedException e) {
            spans.forEach(span -> span.setStatus(StatusCode.ERROR, String.valueOf(e.getMessage())));
            throw e;
        } finally {
            spans.forEach(Span::end);
        }
        if (batch.isEmpty()) {
            return new Published(0, failure);
        }
        Pending last = batch.get(batch.size() - 1);
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE es_relay_checkpoints
                   SET last_tx_id = ?::xid8, last_position = ?, published = published + ?, updated_at = now()
                 WHERE relay = ?""")) {
            update.setString(1, last.txId());
            update.setLong(2, last.event().globalPosition());
            update.setLong(3, batch.size());
            update.setString(4, settings.name());
            update.executeUpdate();
        }
        LOG.debugf("relay %s published %d events up to position %d", settings.name(), batch.size(),
                last.event().globalPosition());
        return new Published(batch.size(), failure);
    }

    /** A producer span in the event's trace, or null when it was recorded outside any trace. */
    private Span publishSpan(EventEnvelope event) {
        Context parent = TraceContext.parentOf(event.metadata().traceparent());
        if (parent == null) {
            return null;
        }
        return tracer.spanBuilder(settings.topic() + " publish").setParent(parent).setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "send")
                .setAttribute("messaging.destination.name", settings.topic())
                .setAttribute("messaging.message.id", event.eventId().toString())
                .setAttribute("messaging.kafka.message.key", event.streamId())
                .setAttribute("hub.event.type", event.type())
                .setAttribute("hub.event.global_position", event.globalPosition())
                .startSpan();
    }

    /**
     * Takes the relay's lock for this transaction, which also commits without waiting for its WAL to reach the
     * disk ({@code synchronous_commit} off, for this transaction only): it writes nothing but the checkpoint, and a
     * checkpoint lost in a crash only means the events after the one kept are published again (at least once, and
     * consumers are idempotent). It saves a flush on every round, on the way of every event to the read models.
     */
    private boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("""
                SELECT pg_try_advisory_xact_lock(hashtext('hubag-relay:' || ?)),
                       set_config('synchronous_commit', 'off', true)""")) {
            lock.setString(1, settings.name());
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private record Checkpoint(String txId, long position) {}

    private record Pending(String txId, EventEnvelope event) {}

    /** The relay's checkpoint; its row is created the first time (one query per poll after that). */
    private Checkpoint checkpoint(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT last_tx_id::text, last_position FROM es_relay_checkpoints WHERE relay = ?")) {
            select.setString(1, settings.name());
            try (ResultSet rs = select.executeQuery()) {
                if (rs.next()) {
                    return new Checkpoint(rs.getString(1), rs.getLong(2));
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO es_relay_checkpoints (relay) VALUES (?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, settings.name());
            insert.executeUpdate();
        }
        return new Checkpoint("0", 0);
    }

    /**
     * The next events in commit order after the checkpoint, below the horizon: the event store's own columns and
     * source ({@link EventStore#EVENT_COLUMNS}), with the transaction id the checkpoint keeps; read along
     * {@code es_events_relay_order (tx_id, global_position)}.
     */
    static final String COMMITTED_AFTER = VisibilityHorizon.WITH
            + "SELECT e.tx_id::text AS tx_id, " + EventStore.EVENT_COLUMNS
            + "\n  FROM " + EventStore.EVENT_SOURCE + "\n" + """
             WHERE (e.tx_id, e.global_position) > (?::xid8, ?)
               AND e.tx_id < (SELECT xid FROM horizon)
             ORDER BY e.tx_id, e.global_position
             LIMIT ?""";

    private List<Pending> committedAfter(Connection connection, Checkpoint checkpoint, int limit)
            throws SQLException {
        List<Pending> batch = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(COMMITTED_AFTER)) {
            select.setString(1, checkpoint.txId());
            select.setLong(2, checkpoint.position());
            select.setInt(3, limit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    batch.add(new Pending(rs.getString("tx_id"), new EventEnvelope(
                            rs.getLong("global_position"),
                            UUID.fromString(rs.getString("event_id")),
                            rs.getString("stream_id"),
                            rs.getString("stream_type"),
                            rs.getString("territory"),
                            rs.getLong("stream_version"),
                            rs.getString("event_type"),
                            rs.getInt("schema_version"),
                            rs.getString("payload"),
                            EventMetadata.fromJson(new JsonObject(rs.getString("metadata"))),
                            rs.getTimestamp("occurred_at").toInstant(),
                            rs.getTimestamp("recorded_at").toInstant())));
                }
            }
        }
        return batch;
    }
}
