package fr.hubag.eventsourcing.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * W3C trace context as the kernel carries it: a {@code traceparent} string in the event's metadata and in the
 * Kafka headers. Written once here so the store, the relay and the consumers agree on the format
 * (https://www.w3.org/TR/trace-context/), whatever propagators a service configures.
 */
public final class TraceContext {

    public static final String TRACEPARENT = "traceparent";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<String> ONE_VALUE = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) { return List.of(TRACEPARENT); }

        @Override
        public String get(String carrier, String key) { return TRACEPARENT.equals(key) ? carrier : null; }
    };

    private TraceContext() {}

    /** The {@code traceparent} of the span current here, or null when there is none. */
    public static String currentTraceparent() {
        return traceparentOf(Context.current());
    }

    /** The {@code traceparent} of a context's span, or null when it has no valid span. */
    public static String traceparentOf(Context context) {
        if (!Span.fromContext(context).getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>(2);
        W3C.inject(context, carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** A root context whose remote parent is the given {@code traceparent}; null if absent or malformed. */
    public static Context parentOf(String traceparent) {
        if (traceparent == null || traceparent.isBlank()) {
            return null;
        }
        Context context = W3C.extract(Context.root(), traceparent, ONE_VALUE);
        return Span.fromContext(context).getSpanContext().isValid() ? context : null;
    }

    /**
     * The parent for work done on behalf of a message carrying {@code traceparent}: the current context when it
     * already belongs to that trace (an instrumented Kafka connector made its own span current), else the message's
     * remote context, else null (no trace to continue).
     */
    public static Context continuing(String traceparent) {
        Context remote = parentOf(traceparent);
        if (remote == null) {
            return null;
        }
        SpanContext current = Span.current().getSpanContext();
        return current.isValid() && current.getTraceId().equals(Span.fromContext(remote).getSpanContext().getTraceId())
                ? Context.current() : remote;
    }
}
