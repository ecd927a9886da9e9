package fr.hubag.eventsourcing.consumer;

import fr.hubag.eventsourcing.relay.CloudEventHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * A Kafka record read back as an event: its CloudEvents attributes from the {@code ce_*} headers and its JSON
 * payload. Consumers work on this, never on raw headers. {@code traceparent} is the W3C trace context the record
 * travelled in and {@code recordedAt} when the write side recorded the event (either null if the record lacks it).
 */
public record ConsumedEvent(
        UUID eventId,
        String ceType,
        int schemaVersion,
        String streamId,
        String territory,
        long streamVersion,
        String payload,
        String correlationId,
        String topic,
        int partition,
        long offset,
        String traceparent,
        Instant recordedAt) {

    /** An event read without trace context or recording time (tests, tools). */
    public ConsumedEvent(UUID eventId, String ceType, int schemaVersion, String streamId, String territory,
                         long streamVersion, String payload, String correlationId, String topic, int partition,
                         long offset) {
        this(eventId, ceType, schemaVersion, streamId, territory, streamVersion, payload, correlationId, topic,
                partition, offset, null, null);
    }

    /** The type given to a record that cannot be read as an event ({@link #unreadable}). */
    public static final String UNREADABLE = "unreadable";

    /** What orders this event: its stream, or its partition when the record names no stream. */
    public String streamKey() {
        return streamId != null ? streamId : topic + "/" + partition;
    }

    /** The event type without the {@code hubag.<service>.} prefix. */
    public String eventType() {
        return ceType.substring(ceType.lastIndexOf('.') + 1);
    }

    public static ConsumedEvent of(ConsumerRecord<String, ?> record) {
        var headers = record.headers();
        String id = CloudEventHeaders.get(headers, CloudEventHeaders.ID);
        String type = CloudEventHeaders.get(headers, CloudEventHeaders.TYPE);
        if (id == null || type == null) {
            throw new IllegalArgumentException("record " + record.topic() + "/" + record.partition() + "@"
                    + record.offset() + " is not a CloudEvent (no ce_id / ce_type)");
        }
        String schemaVersion = CloudEventHeaders.get(headers, CloudEventHeaders.SCHEMA_VERSION);
        String streamVersion = CloudEventHeaders.get(headers, CloudEventHeaders.STREAM_VERSION);
        Object value = record.value();
        String payload = value instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                : String.valueOf(value);
        return new ConsumedEvent(UUID.fromString(id), type,
                schemaVersion == null ? 1 : Integer.parseInt(schemaVersion),
                CloudEventHeaders.get(headers, CloudEventHeaders.SUBJECT),
                CloudEventHeaders.get(headers, CloudEventHeaders.TERRITORY),
                streamVersion == null ? 0 : Long.parseLong(streamVersion),
                payload,
                CloudEventHeaders.get(headers, CloudEventHeaders.CORRELATION_ID),
                record.topic(), record.partition(), record.offset(),
                traceparentOf(headers),
                instant(CloudEventHeaders.get(headers, CloudEventHeaders.RECORDED_TIME)));
    }

    /**
     * A record that is not a readable CloudEvent, kept as what it is so that it can be parked (and seen by an admin)
     * instead of stopping the consumer: its id is derived from its place in the topic, its stream is its key.
     */
    public static ConsumedEvent unreadable(ConsumerRecord<String, ?> record) {
        var headers = record.headers();
        Object value = record.value();
        String payload = value instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                : String.valueOf(value);
        UUID id = UUID.nameUUIDFromBytes((record.topic() + "/" + record.partition() + "@" + record.offset())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new ConsumedEvent(id, UNREADABLE, 1, record.key(), CloudEventHeaders.get(headers,
                CloudEventHeaders.TERRITORY), 0, payload, CloudEventHeaders.get(headers,
                CloudEventHeaders.CORRELATION_ID), record.topic(), record.partition(), record.offset());
    }

    /** This hop's {@code traceparent}, else the event's origin ({@code ce_traceparent}). */
    private static String traceparentOf(org.apache.kafka.common.header.Headers headers) {
        String hop = CloudEventHeaders.get(headers, CloudEventHeaders.TRACEPARENT);
        return hop != null ? hop : CloudEventHeaders.get(headers, CloudEventHeaders.CE_TRACEPARENT);
    }

    private static Instant instant(String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
