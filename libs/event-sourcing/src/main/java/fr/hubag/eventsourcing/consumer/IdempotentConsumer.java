package fr.hubag.eventsourcing.consumer;

import fr.hubag.eventsourcing.metrics.KernelMetrics;
import fr.hubag.eventsourcing.relay.EventRelay;
import fr.hubag.eventsourcing.tracing.TraceContext;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Applies each event at most once per consumer although Kafka delivers at least once: in one transaction it marks
 * the event id as processed, runs the effect, and moves the consumer's checkpoint for that partition. An event
 * seen before is skipped (its checkpoint still moves); an effect that fails rolls all three back.
 *
 * <p>{@link #processPoll} does the same for all the records of one poll in one transaction — the marks in one
 * statement that tells which events are new, the effect of all the new events at once ({@link BatchEffect}: a
 * consumer may apply a thousand of them in a few statements), the checkpoints in one statement — which is what lets
 * a read model keep up with the write side and be rebuilt from years of history. {@link #processBatch} is the same
 * for a consumer that knows a single event's effect only (run stream by stream).
 *
 * <p>Every consumer gets the kernel's observability here, not in its own code: the transaction runs in a consumer
 * span continuing the trace the record carries ({@code traceparent}), so a command and the read-model update it
 * caused share one trace; and {@link KernelMetrics} counts what was applied, how long it took and how far behind.
 */
@ApplicationScoped
public class IdempotentConsumer {

    /** A store that fails a poll is retried for about three minutes, then the channel fails (and is restarted). */
    static final Duration STORE_RETRY_FIRST = Duration.ofMillis(200);
    static final Duration STORE_RETRY_MAX = Duration.ofSeconds(5);
    static final int STORE_RETRIES = 40;
    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    private final Pool pool;
    private final KernelMetrics metrics;
    private final Tracer tracer;
    private final int retries;

    /** Outside CDI (tests, tools): measures in memory, no spans. */
    public IdempotentConsumer(Pool pool) {
        this(pool, KernelMetrics.inMemory(), OpenTelemetry.noop());
    }

    public IdempotentConsumer(Pool pool, KernelMetrics metrics, OpenTelemetry openTelemetry) {
        this(pool, metrics, openTelemetry, 2);
    }

    /**
     * @param retries how many times an event that failed in its poll, then alone, is retried before it is parked
     *                (at least 1)
     */
    @Inject
    public IdempotentConsumer(Pool pool, KernelMetrics metrics, OpenTelemetry openTelemetry,
                              @ConfigProperty(name = "hub.consumer.retries", defaultValue = "2") int retries) {
        this.pool = pool;
        this.metrics = metrics;
        this.tracer = openTelemetry.getTracer(EventRelay.TRACER);
        this.retries = Math.max(1, retries);
    }

    /** @return true if the effect ran, false if this consumer had already processed the event */
    public Uni<Boolean> process(String consumer, ConsumedEvent event, Function<SqlConnection, Uni<Void>> effect) {
        return Uni.createFrom().emitter(emitter -> {
            long start = System.nanoTime();
            Span span = span(consumer, event);
            // subscribed with the span current, so the transaction's statements are its children
            try (Scope ignored = span.makeCurrent()) {
                transaction(consumer, event, effect).subscribe().with(applied -> {
                    done(consumer, event, span, start, applied ? KernelMetrics.APPLIED : KernelMetrics.DUPLICATE, null);
                    emitter.complete(applied);
                }, failure -> {
                    done(consumer, event, span, start, KernelMetrics.FAILED, failure);
                    emitter.fail(failure);
                });
            }
        });
    }

    /** A consumer span continuing the record's trace; an invalid (no-op) span when the record carries none. */
    private Span span(String consumer, ConsumedEvent event) {
        Context parent = TraceContext.continuing(event.traceparent());
        if (parent == null) {
            return Span.getInvalid();
        }
        return tracer.spanBuilder(consumer + " process").setParent(parent).setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", event.topic())
                .setAttribute("messaging.destination.partition.id", String.valueOf(event.partition()))
                .setAttribute("messaging.kafka.offset", event.offset())
                .setAttribute("messaging.message.id", event.eventId().toString())
                .setAttribute("messaging.consumer.group.name", consumer)
                .setAttribute("hub.event.type", event.eventType())
                .startSpan();
    }

    private void done(String consumer, ConsumedEvent event, Span span, long start, String outcome, Throwable failure) {
        metrics.consumed(consumer, outcome, System.nanoTime() - start, event.recordedAt());
        span.setAttribute("hub.consumer.outcome", outcome);
        if (failure != null) {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
        }
        span.end();
    }

    private Uni<Boolean> transaction(String consumer, ConsumedEvent event,
                                     Function<SqlConnection, Uni<Void>> effect) {
        return pool.withTransaction(tx -> tx.preparedQuery("""
                        INSERT INTO es_processed_events (consumer, event_id) VALUES ($1, $2)
                        ON CONFLICT DO NOTHING""")
                .execute(Tuple.of(consumer, event.eventId()))
                .flatMap(marked -> (marked.rowCount() == 1 ? effect.apply(tx).replaceWith(true)
                        : Uni.createFrom().item(false))
                        .call(() -> checkpoints(tx, consumer, List.of(event)))));
    }

    /**
     * Applies a poll's events in one transaction, each at most once: returns how many effects ran. Events of a
     * stream that has parked events are parked behind them ({@link ParkedEvents}), in the same transaction.
     *
     * <p>When the poll's transaction fails on an event the store rejects or the effect cannot apply (anything but
     * a lost connection, a serialization failure or a store that is unavailable), it is rolled back whole, then the
     * poll is applied again one event per transaction: each event is retried {@code retries} times with backoff,
     * then parked with its error — and the later events of its stream behind it — while the other events apply.
     * A failure of the store itself is not parked: the whole poll is rolled back and tried again (backing off to 5 s,
     * for about three minutes: a restart of PostgreSQL is waited out), then it fails the channel.
     */
    public Uni<Integer> processPoll(String consumer, List<ConsumedEvent> events, BatchEffect effect) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        long start = System.nanoTime();
        List<Span> spans = events.stream().map(event -> span(consumer, event)).toList();
        String[] outcomes = new String[events.size()];
        return Uni.createFrom().deferred(() -> {
                    Arrays.fill(outcomes, null); // a new attempt starts from nothing applied
                    return inOneTransaction(consumer, events, effect, outcomes);
                })
                // the store unreachable (a restart, a crash): the same poll again once it answers, not a dead channel
                .onFailure(IdempotentConsumer::transientFailure).invoke(failure -> LOG.warnf(
                        "%s: the store failed a poll of %d events (%s); retrying", consumer, events.size(),
                        ParkedEvents.describe(failure)))
                .onFailure(IdempotentConsumer::transientFailure).retry()
                .withBackOff(STORE_RETRY_FIRST, STORE_RETRY_MAX).atMost(STORE_RETRIES)
                .onFailure(failure -> !transientFailure(failure)).recoverWithUni(failure -> {
                    LOG.warnf("%s: a poll of %d events failed (%s); applying them one by one", consumer,
                            events.size(), ParkedEvents.describe(failure));
                    Arrays.fill(outcomes, null);
                    return oneByOne(consumer, events, effect, outcomes);
                })
                .map(nothing -> {
                    int count = 0;
                    int parked = 0;
                    for (int i = 0; i < events.size(); i++) {
                        count += KernelMetrics.APPLIED.equals(outcomes[i]) ? 1 : 0;
                        parked += KernelMetrics.PARKED.equals(outcomes[i]) ? 1 : 0;
                        done(consumer, events.get(i), spans.get(i), start, outcomes[i], null);
                    }
                    if (parked > 0) {
                        metrics.parked(consumer, parked);
                    }
                    return count;
                })
                .onFailure().invoke(failure -> {
                    for (int i = 0; i < events.size(); i++) {
                        done(consumer, events.get(i), spans.get(i), start, KernelMetrics.FAILED, failure);
                    }
                });
    }

    /** {@link #processPoll} with a single event's effect, run for each new event in stream order. */
    public Uni<Integer> processBatch(String consumer, List<ConsumedEvent> events,
                                     BiFunction<SqlConnection, ConsumedEvent, Uni<Void>> effect) {
        return processPoll(consumer, events, BatchEffect.inStreamOrder(effect));
    }

    /** {@link #processPollRecords} with a single event's effect, run for each new event in stream order. */
    public Uni<Integer> processRecords(String consumer, Iterable<? extends ConsumerRecord<String, ?>> records,
                                       BiFunction<SqlConnection, ConsumedEvent, Uni<Void>> effect) {
        return processPollRecords(consumer, records, BatchEffect.inStreamOrder(effect));
    }

    /**
     * Reads a poll's records and applies them with {@link #processPoll}. A record that is not a readable event
     * (no CloudEvents headers, a malformed id) is not skipped nor fatal: it fails the effect, so the poll is applied
     * again event by event and that record is parked.
     */
    public Uni<Integer> processPollRecords(String consumer, Iterable<? extends ConsumerRecord<String, ?>> records,
                                           BatchEffect effect) {
        List<ConsumedEvent> events = new ArrayList<>();
        Map<UUID, RuntimeException> unreadable = new HashMap<>();
        for (ConsumerRecord<String, ?> record : records) {
            try {
                events.add(ConsumedEvent.of(record));
            } catch (RuntimeException e) {
                ConsumedEvent placeholder = ConsumedEvent.unreadable(record);
                unreadable.put(placeholder.eventId(), e);
                events.add(placeholder);
            }
        }
        return processPoll(consumer, events, unreadable.isEmpty() ? effect : (tx, fresh) -> {
            for (ConsumedEvent event : fresh) {
                RuntimeException failure = unreadable.get(event.eventId());
                if (failure != null) {
                    return Uni.createFrom().failure(failure);
                }
            }
            return effect.apply(tx, fresh);
        });
    }

    /**
     * The poll in one transaction: parked streams' events parked, the others marked and applied, checkpoints. The
     * marks and the checkpoints are sent together (pipelined), so a poll costs its effect's round trips plus three:
     * begin, marks with checkpoints, commit.
     */
    private Uni<Void> inOneTransaction(String consumer, List<ConsumedEvent> events,
                                       BatchEffect effect, String[] outcomes) {
        return pool.withTransaction(tx -> Uni.combine().all()
                .unis(PollMarks.mark(tx, consumer, events), checkpoints(tx, consumer, events)).asTuple()
                .flatMap(marked -> {
                    PollMarks marks = marked.getItem1();
                    List<ConsumedEvent> behind = new ArrayList<>();
                    for (int i = 0; i < events.size(); i++) {
                        if (marks.parked().contains(events.get(i).streamKey())) {
                            behind.add(events.get(i));
                            outcomes[i] = KernelMetrics.PARKED;
                        }
                    }
                    return applyFresh(tx, events, new HashSet<>(marks.fresh()), outcomes, effect)
                            .call(() -> ParkedEvents.park(tx, consumer, behind, ParkedEvents.BEHIND, 0));
                })
                .replaceWithVoid());
    }

    /** The poll again, one transaction per event, so that an event that cannot apply is parked, not fatal. */
    private Uni<Void> oneByOne(String consumer, List<ConsumedEvent> events, BatchEffect effect, String[] outcomes) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int i = 0; i < events.size(); i++) {
            int index = i;
            chain = chain.chain(() -> alone(consumer, events.get(index), effect)
                    .invoke(outcome -> outcomes[index] = outcome).replaceWithVoid());
        }
        return chain;
    }

    private Uni<String> alone(String consumer, ConsumedEvent event, BatchEffect effect) {
        String[] outcome = new String[1];
        return pool.withTransaction(tx -> ParkedEvents.parkedStreams(tx, consumer, Set.of(event.streamKey()))
                        .flatMap(parked -> {
                            if (!parked.isEmpty()) {
                                outcome[0] = KernelMetrics.PARKED;
                                return ParkedEvents.park(tx, consumer, List.of(event), ParkedEvents.BEHIND, 0)
                                        .replaceWithVoid();
                            }
                            String[] single = new String[1];
                            return tx.preparedQuery("""
                                            INSERT INTO es_processed_events (consumer, event_id) VALUES ($1, $2)
                                            ON CONFLICT DO NOTHING""")
                                    .execute(Tuple.of(consumer, event.eventId()))
                                    .flatMap(marked -> applyFresh(tx, List.of(event),
                                            marked.rowCount() == 1 ? new HashSet<>(Set.of(event.eventId()))
                                                    : new HashSet<>(), single, effect))
                                    .invoke(() -> outcome[0] = single[0]);
                        })
                        .call(() -> checkpoints(tx, consumer, List.of(event))))
                .onFailure().retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(1))
                .atMost(retries)
                .map(nothing -> outcome[0])
                .onFailure(failure -> !transientFailure(failure)).recoverWithUni(failure -> park(consumer, event,
                        failure));
    }

    /** Parks an event that failed alone after its retries, with its error, and moves the checkpoint past it. */
    private Uni<String> park(String consumer, ConsumedEvent event, Throwable failure) {
        String error = ParkedEvents.describe(failure);
        int attempts = retries + 2; // in its poll, alone, then each retry
        LOG.errorf("%s: event %s (%s, stream %s, %s/%d@%d) parked after %d attempts: %s", consumer, event.eventId(),
                event.ceType(), event.streamKey(), event.topic(), event.partition(), event.offset(), attempts, error);
        return pool.withTransaction(tx -> ParkedEvents.park(tx, consumer, List.of(event), error, attempts)
                        .call(() -> checkpoints(tx, consumer, List.of(event))))
                .replaceWith(KernelMetrics.PARKED);
    }

    /**
     * A failure of the store or of the connection to it, which the next attempt may not meet: never a reason to
     * park an event. SQLSTATE classes 08 (connection), 40 (serialization, deadlock), 53 (resources), 57 (operator
     * intervention: shutdown) and 58 (system error); a socket or a connection that failed; a timeout.
     */
    static boolean transientFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PgException pg) {
                String state = pg.getSqlState();
                return state != null && (state.startsWith("08") || state.startsWith("40")
                        || state.startsWith("53") || state.startsWith("57") || state.startsWith("58"));
            }
            // network troubles only: a payload that is no JSON is an IOException too (Jackson's), and is the event's
            if (t instanceof java.net.SocketException || t instanceof java.net.SocketTimeoutException
                    || t instanceof java.net.UnknownHostException || t instanceof java.nio.channels.ClosedChannelException
                    || t instanceof ClosedConnectionException || t instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** The effect of the poll's new events (not parked, not processed before), in the order they were read. */
    private static Uni<Void> applyFresh(SqlConnection tx, List<ConsumedEvent> events, Set<UUID> fresh,
                                        String[] outcomes, BatchEffect effect) {
        List<ConsumedEvent> applied = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            ConsumedEvent event = events.get(i);
            if (outcomes[i] != null) {
                continue; // parked
            }
            if (!fresh.remove(event.eventId())) {
                outcomes[i] = KernelMetrics.DUPLICATE; // applied before, or twice in this poll
                continue;
            }
            outcomes[i] = KernelMetrics.APPLIED;
            applied.add(event);
        }
        return applied.isEmpty() ? Uni.createFrom().voidItem() : effect.apply(tx, applied);
    }

    /**
     * Where the consumer stands in each partition of a topic, as its transactions recorded it: the offset to read
     * next. A Kafka consumer seeks there when partitions are assigned, so the database, not the group's committed
     * offsets, decides where reading resumes.
     */
    public Uni<Map<Integer, Long>> checkpoints(String consumer, String topic) {
        return pool.preparedQuery("""
                        SELECT partition, next_offset FROM es_consumer_checkpoints
                         WHERE consumer = $1 AND topic = $2""")
                .execute(Tuple.of(consumer, topic))
                .map(rows -> {
                    Map<Integer, Long> next = new HashMap<>();
                    rows.forEach(row -> next.put(row.getInteger(0), row.getLong(1)));
                    return next;
                });
    }

    private static Uni<Void> checkpoints(SqlConnection tx, String consumer, List<ConsumedEvent> events) {
        Map<String, ConsumedEvent> last = new HashMap<>();
        for (ConsumedEvent event : events) {
            last.merge(event.topic() + "/" + event.partition(), event,
                    (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        List<ConsumedEvent> ends = new ArrayList<>(last.values());
        return tx.preparedQuery("""
                        INSERT INTO es_consumer_checkpoints (consumer, topic, partition, next_offset)
                        SELECT $1, t, p, o FROM unnest($2::text[], $3::int[], $4::bigint[]) AS ends(t, p, o)
                        ON CONFLICT (consumer, topic, partition) DO UPDATE
                           SET next_offset = GREATEST(es_consumer_checkpoints.next_offset, EXCLUDED.next_offset),
                               updated_at = now()""")
                .execute(Tuple.of(consumer, ends.stream().map(ConsumedEvent::topic).toArray(String[]::new),
                        ends.stream().map(ConsumedEvent::partition).toArray(Integer[]::new),
                        ends.stream().map(e -> e.offset() + 1).toArray(Long[]::new)))
                .replaceWithVoid();
    }
}
