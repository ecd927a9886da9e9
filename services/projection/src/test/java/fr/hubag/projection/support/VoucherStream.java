package fr.hubag.projection.support;

import fr.hubag.contracts.vouchers.VoucherEvent;
import fr.hubag.contracts.vouchers.VoucherEvents;
import fr.hubag.eventsourcing.codec.EventCodec;
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
 * One stream of {@code vouchers.events} as the vouchers relay publishes it (an order's or a pass's, in the order's
 * territory): the contracts' records encoded by {@link VoucherEvents#TOPIC}, each checked against its schema in
 * contracts/events/vouchers, keyed by the stream id with the CloudEvents headers and consecutive versions. Keeps what
 * it published, as the projection reads it, so that a test may apply or send the same events again.
 */
public final class VoucherStream {

    public static final String TOPIC = "vouchers.events";
    private static final EventCodec<VoucherEvent> EVENTS = EventCodec.of(VoucherEvents.TOPIC,
            VoucherEvent::occurredAt);
    private static final AtomicLong POSITION = new AtomicLong(7_000_000);

    private final UUID id;
    private final String streamType;
    private final String territory;
    private final List<ConsumedEvent> published = new ArrayList<>();
    private long version;

    private VoucherStream(UUID id, String streamType, String territory) {
        this.id = id;
        this.streamType = streamType;
        this.territory = territory;
    }

    public static VoucherStream order(UUID orderId, String territory) {
        return new VoucherStream(orderId, "order", territory);
    }

    public static VoucherStream pass(UUID passId, String orderTerritory) {
        return new VoucherStream(passId, "pass", orderTerritory);
    }

    public UUID id() { return id; }

    public List<ConsumedEvent> published() { return List.copyOf(published); }

    public void publish(VoucherEvent event) {
        String type = EVENTS.typeOf(event);
        int schemaVersion = EVENTS.schemaVersionOf(event);
        String json = EVENTS.encode(event);
        assertThat(EventContracts.validate(CloudEventHeaders.dataSchema("vouchers", type, schemaVersion), json))
                .as("%s v%d payload against its contract: %s", type, schemaVersion, json).isEmpty();
        UUID eventId = UUID.randomUUID();
        long at = ++version;
        send(eventId, type, schemaVersion, at, json);
        published.add(new ConsumedEvent(eventId, "hubag.vouchers." + type, schemaVersion, id.toString(), territory,
                at, json, "corr-" + eventId, TOPIC, 0, 0));
    }

    /** Sends the very record of an earlier event again, as Kafka may after a consumer failure. */
    public void redeliver(ConsumedEvent event) {
        send(event.eventId(), event.eventType(), event.schemaVersion(), event.streamVersion(), event.payload());
    }

    private void send(UUID eventId, String type, int schemaVersion, long streamVersion, String json) {
        EventEnvelope envelope = new EventEnvelope(POSITION.incrementAndGet(), eventId, id.toString(), streamType,
                territory, streamVersion, type, schemaVersion, json,
                new EventMetadata("corr-" + eventId, "cause", "tester", null), Instant.now(), Instant.now());
        try {
            TopicProducer.get().send(new ProducerRecord<>(TOPIC, null, id.toString(),
                    json.getBytes(StandardCharsets.UTF_8), CloudEventHeaders.of(envelope, "vouchers"))).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish " + type, e);
        }
    }
}
