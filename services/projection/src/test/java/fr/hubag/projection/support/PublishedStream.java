package fr.hubag.projection.support;

import fr.hubag.eventsourcing.consumer.ConsumedEvent;
import fr.hubag.eventsourcing.relay.CloudEventHeaders;
import fr.hubag.eventsourcing.store.EventEnvelope;
import fr.hubag.eventsourcing.store.EventMetadata;
import fr.hubag.testing.EventContracts;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One stream of a service's topic as its relay publishes it: each payload checked against its schema in
 * contracts/events/{service}, keyed by the stream id with the CloudEvents headers and consecutive versions. Keeps
 * what it published, as the projection reads it, so that a test may apply or send the same events again. The
 * typed streams ({@link SessionStream}, {@link VoucherStream}) encode their contracts' records into it.
 */
public final class PublishedStream {

    private static final AtomicLong POSITION = new AtomicLong(5_000_000);

    private final String topic;
    private final String service;
    private final UUID id;
    private final String streamType;
    private final String territory;
    private final List<ConsumedEvent> published = new ArrayList<>();
    private long version;

    public PublishedStream(String topic, String service, UUID id, String streamType, String territory) {
        this.topic = topic;
        this.service = service;
        this.id = id;
        this.streamType = streamType;
        this.territory = territory;
    }

    public UUID id() { return id; }

    /** The events published so far, as the projection's consumer reads them. */
    public List<ConsumedEvent> published() { return List.copyOf(published); }

    /** Publishes an encoded event as the stream's next version; its id. */
    public UUID send(String type, int schemaVersion, String json) {
        assertThat(EventContracts.validate(CloudEventHeaders.dataSchema(service, type, schemaVersion), json))
                .as("%s v%d payload against its contract: %s", type, schemaVersion, json).isEmpty();
        UUID eventId = UUID.randomUUID();
        long at = ++version;
        write(eventId, type, schemaVersion, at, json);
        published.add(new ConsumedEvent(eventId, "hubag." + service + "." + type, schemaVersion, id.toString(),
                territory, at, json, "corr-" + eventId, topic, 0, 0));
        return eventId;
    }

    /** Publishes the very record of an earlier event again, as Kafka may after a consumer failure. */
    public void redeliver(ConsumedEvent event) {
        write(event.eventId(), event.eventType(), event.schemaVersion(), event.streamVersion(), event.payload());
    }

    private void write(UUID eventId, String type, int schemaVersion, long streamVersion, String json) {
        EventEnvelope envelope = new EventEnvelope(POSITION.incrementAndGet(), eventId, id.toString(), streamType,
                territory, streamVersion, type, schemaVersion, json,
                new EventMetadata("corr-" + eventId, "cause", "tester", null), Instant.now(), Instant.now());
        try {
            TopicProducer.get().send(new ProducerRecord<>(topic, null, id.toString(),
                    json.getBytes(StandardCharsets.UTF_8), CloudEventHeaders.of(envelope, service))).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish " + type, e);
        }
    }
}
