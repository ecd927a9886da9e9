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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
 * <p>{@link #processBatch} does the same for all the records of one poll in one transaction — the marks in one
 * statement, the effects stream by stream (in order within a stream, streams side by side on the transaction's
 * connection), the checkpoints in one statement — which is what lets a read model keep up with the write side and
 * be rebuilt from years of history.
 *
 * <p>Every consumer gets the kernel's observability here, not in its own code: the transaction runs in a consumer
 * span continuing the trace the record carries ({@code traceparent}), so a command and the read-model update it
 * caused share one trace; and {@link KernelMetrics} counts what was applied, how long it took and how far behind.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private final Pool pool;
    private final KernelMetrics metrics;
    private final Tracer tracer;

    /** Outside CDI (tests, tools): measures in memory, no spans. */
    public IdempotentConsumer(Pool pool) {
        this(pool, KernelMetrics.inMemory(), OpenTelemetry.noop());
    }

    @Inject
    public IdempotentConsumer(Pool pool, KernelMetrics metrics, OpenTelemetry openTelemetry) {
        this.pool = pool;
        this.metrics = metrics;
        this.tracer = openTelemetry.getTracer(EventRelay.TRACER);
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
     * Applies a poll's events in one transaction, each at most once: returns how many effects ran. A failing effect
     * rolls back the whole batch (marks, effects, checkpoints), so its redelivery applies it again.
     */
    public Uni<Integer> processBatch(String consumer, List<ConsumedEvent> events,
                                     BiFunction<SqlConnection, ConsumedEvent, Uni<Void>> effect) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        long start = System.nanoTime();
        List<Span> spans = events.stream().map(event -> span(consumer, event)).toList();
        boolean[] applied = new boolean[events.size()];
        return pool.withTransaction(tx -> tx.preparedQuery("""
                                INSERT INTO es_processed_events (consumer, event_id)
                                SELECT $1, id FROM unnest($2::uuid[]) AS marked(id)
                                ON CONFLICT DO NOTHING RETURNING event_id""")
                        .execute(Tuple.of(consumer, events.stream().map(ConsumedEvent::eventId).toArray(UUID[]::new)))
                        .flatMap(marked -> {
                            Set<UUID> fresh = new HashSet<>();
                            marked.forEach(row -> fresh.add(row.getUUID(0)));
                            return applyByStream(tx, events, fresh, applied, effect);
                        })
                        .call(() -> checkpoints(tx, consumer, events)))
                .map(nothing -> {
                    int count = 0;
                    for (int i = 0; i < events.size(); i++) {
                        count += applied[i] ? 1 : 0;
                        done(consumer, events.get(i), spans.get(i), start,
                                applied[i] ? KernelMetrics.APPLIED : KernelMetrics.DUPLICATE, null);
                    }
                    return count;
                })
                .onFailure().invoke(failure -> {
                    for (int i = 0; i < events.size(); i++) {
                        done(consumer, events.get(i), spans.get(i), start, KernelMetrics.FAILED, failure);
                    }
                });
    }

    /** Each stream's new events in order; the streams' chains run side by side, pipelined on one connection. */
    private static Uni<Void> applyByStream(SqlConnection tx, List<ConsumedEvent> events, Set<UUID> fresh,
                                           boolean[] applied,
                                           BiFunction<SqlConnection, ConsumedEvent, Uni<Void>> effect) {
        Map<String, Uni<Void>> chains = new LinkedHashMap<>();
        for (int i = 0; i < events.size(); i++) {
            ConsumedEvent event = events.get(i);
            if (!fresh.remove(event.eventId())) {
                continue; // applied before, or twice in this poll
            }
            applied[i] = true;
            String stream = event.streamId() == null ? event.topic() + "/" + event.partition() : event.streamId();
            Uni<Void> chain = chains.getOrDefault(stream, Uni.createFrom().voidItem());
            chains.put(stream, chain.chain(() -> effect.apply(tx, event)));
        }
        if (chains.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join().all(new ArrayList<>(chains.values())).andFailFast().replaceWithVoid();
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
