package fr.hubag.servicekit.observability;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.lookup.LookupUnlessProperty;
import jakarta.inject.Singleton;

import java.util.Collection;

/**
 * No span export unless asked for: there is no collector by default, and Quarkus's OTLP exporter would log a
 * failure every few seconds. Quarkus installs its OTLP exporter only when no other {@code SpanExporter} bean is
 * present, so this bean, present unless {@code HUB_OTEL_EXPORT=otlp}, keeps spans in the process (trace ids still
 * propagate to logs, Kafka headers and downstream services). docs/observability.md says how to turn export on.
 */
@Singleton
@LookupUnlessProperty(name = "hub.otel.export", stringValue = "otlp", lookupIfMissing = true)
public class SpansKeptLocal implements SpanExporter {

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
