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

import java.util.function.Function;

/**
 * Applies each event at most once per consumer although Kafka delivers at least once: in one transaction it marks
 * the event id as processed, runs the effect, and moves the consumer's checkpoint for that partition. An event
 * seen before is skipped (its checkpoint still moves); an effect that fails rolls all three back.
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
                        .call(() -> tx.preparedQuery("""
                                        INSERT INTO es_consumer_checkpoints (consumer, topic, partition, next_offset)
                                        VALUES ($1, $2, $3, $4)
                                        ON CONFLICT (consumer, topic, partition) DO UPDATE
                                           SET next_offset = GREATEST(es_consumer_checkpoints.next_offset,
                                                                      EXCLUDED.next_offset),
                                               updated_at = now()""")
                                .execute(Tuple.of(consumer, event.topic(), event.partition(), event.offset() + 1)))));
    }
}
