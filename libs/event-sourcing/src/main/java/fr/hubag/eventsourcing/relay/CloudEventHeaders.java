package fr.hubag.eventsourcing.relay;

import fr.hubag.eventsourcing.store.EventEnvelope;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;

/**
 * CloudEvents 1.0 Kafka binary mode: the event's attributes travel as {@code ce_*} headers, the payload is the
 * record value, the record key is the stream id. The names and values are the contract described in
 * contracts/events/README.md and contracts/asyncapi/asyncapi.yaml.
 */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String DATA_SCHEMA = "ce_dataschema";
    public static final String SCHEMA_VERSION = "ce_schemaversion";
    public static final String TERRITORY = "ce_territory";
    public static final String STREAM_VERSION = "ce_streamversion";
    public static final String GLOBAL_POSITION = "ce_globalposition";
    public static final String RECORDED_TIME = "ce_recordedtime";
    public static final String CORRELATION_ID = "ce_correlationid";
    public static final String CAUSATION_ID = "ce_causationid";
    public static final String CONTENT_TYPE = "content-type";
    /**
     * CloudEvents distributed-tracing extension: the trace context of the command that recorded the event, fixed
     * for the event's life (a replay years later still names its origin).
     */
    public static final String CE_TRACEPARENT = "ce_traceparent";
    /**
     * W3C trace context of this hop (the relay's publish span), the header OpenTelemetry's Kafka instrumentation
     * reads; consumers continue the trace from it.
     */
    public static final String TRACEPARENT = "traceparent";

    private CloudEventHeaders() {}

    /** The event type as published: {@code hubag.<service>.<EventType>}. */
    public static String ceType(String service, String eventType) {
        return "hubag." + service + "." + eventType;
    }

    /** The JSON Schema id of an event type and version, also the schema's {@code $id} in contracts/. */
    public static String dataSchema(String service, String eventType, int schemaVersion) {
        return "urn:hubag:schema:" + service + ":" + eventType + ":" + schemaVersion;
    }

    public static Headers of(EventEnvelope event, String service) {
        RecordHeaders headers = new RecordHeaders();
        put(headers, SPEC_VERSION, "1.0");
        put(headers, ID, event.eventId().toString());
        put(headers, TYPE, ceType(service, event.type()));
        put(headers, SOURCE, "/hubag/" + service);
        put(headers, SUBJECT, event.streamId());
        put(headers, TIME, DateTimeFormatter.ISO_INSTANT.format(event.occurredAt()));
        put(headers, DATA_SCHEMA, dataSchema(service, event.type(), event.schemaVersion()));
        put(headers, CONTENT_TYPE, "application/json");
        put(headers, SCHEMA_VERSION, Integer.toString(event.schemaVersion()));
        put(headers, TERRITORY, event.territory());
        put(headers, STREAM_VERSION, Long.toString(event.streamVersion()));
        put(headers, GLOBAL_POSITION, Long.toString(event.globalPosition()));
        put(headers, RECORDED_TIME, DateTimeFormatter.ISO_INSTANT.format(event.recordedAt()));
        put(headers, CORRELATION_ID, event.metadata().correlationId());
        put(headers, CAUSATION_ID, event.metadata().causationId());
        put(headers, CE_TRACEPARENT, event.metadata().traceparent());
        return headers;
    }

    public static String get(Headers headers, String name) {
        var header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static void put(Headers headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
