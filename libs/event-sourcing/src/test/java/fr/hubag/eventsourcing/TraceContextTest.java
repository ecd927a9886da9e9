package fr.hubag.eventsourcing;

import fr.hubag.eventsourcing.store.EventMetadata;
import fr.hubag.eventsourcing.tracing.TraceContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An event recorded under a trace remembers it; one recorded outside any trace does not invent one. */
class TraceContextTest {

    final SdkTracerProvider tracing = SdkTracerProvider.builder().build();

    @Test
    void metadataBuiltUnderASpanCarriesItsTraceparent() {
        Span command = tracing.get("test").spanBuilder("POST /api/actors").startSpan();
        EventMetadata metadata;
        try (Scope ignored = command.makeCurrent()) {
            metadata = new EventMetadata("corr", "cause", "user", "key");
        } finally {
            command.end();
        }
        assertThat(metadata.traceparent()).isEqualTo("00-" + command.getSpanContext().getTraceId() + "-"
                + command.getSpanContext().getSpanId() + "-01");
        assertThat(EventMetadata.fromJson(metadata.toJson())).isEqualTo(metadata);
    }

    @Test
    void metadataBuiltOutsideATraceHasNoneAndReadingBackNeverTakesTheReadersTrace() {
        EventMetadata untraced = new EventMetadata("corr", "cause", "user", null);
        assertThat(untraced.traceparent()).isNull();
        assertThat(untraced.toJson().containsKey("traceparent")).isFalse();

        Span reader = tracing.get("test").spanBuilder("relay").startSpan();
        try (Scope ignored = reader.makeCurrent()) {
            assertThat(EventMetadata.fromJson(untraced.toJson()).traceparent()).isNull();
        } finally {
            reader.end();
        }
    }

    @Test
    void aTraceparentIsReadBackAsARemoteParentAndGarbageIsIgnored() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        Context parent = TraceContext.parentOf(traceparent);
        assertThat(Span.fromContext(parent).getSpanContext().getTraceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(Span.fromContext(parent).getSpanContext().isRemote()).isTrue();
        assertThat(TraceContext.traceparentOf(parent)).isEqualTo(traceparent);
        assertThat(TraceContext.parentOf("not-a-trace")).isNull();
        assertThat(TraceContext.parentOf(null)).isNull();
    }
}
