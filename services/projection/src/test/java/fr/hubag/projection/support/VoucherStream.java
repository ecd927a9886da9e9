package fr.hubag.projection.support;

import fr.hubag.contracts.vouchers.VoucherEvent;
import fr.hubag.contracts.vouchers.VoucherEvents;
import fr.hubag.eventsourcing.codec.EventCodec;
import fr.hubag.eventsourcing.consumer.ConsumedEvent;

import java.util.List;
import java.util.UUID;

/**
 * One stream of {@code vouchers.events} (an order's or a pass's, in the order's territory; an actor's statement; a
 * refusal): the contracts' records
 * encoded by {@link VoucherEvents#TOPIC}, as the vouchers relay publishes them ({@link PublishedStream}).
 */
public final class VoucherStream {

    public static final String TOPIC = "vouchers.events";
    private static final EventCodec<VoucherEvent> EVENTS = EventCodec.of(VoucherEvents.TOPIC,
            VoucherEvent::occurredAt);

    private final PublishedStream stream;

    private VoucherStream(UUID id, String streamType, String territory) {
        this.stream = new PublishedStream(TOPIC, "vouchers", id, streamType, territory);
    }

    public static VoucherStream order(UUID orderId, String territory) {
        return new VoucherStream(orderId, "order", territory);
    }

    public static VoucherStream pass(UUID passId, String orderTerritory) {
        return new VoucherStream(passId, "pass", orderTerritory);
    }

    /** An actor's monthly statement, in the actor's territory. */
    public static VoucherStream statement(UUID statementId, String actorTerritory) {
        return new VoucherStream(statementId, "statement", actorTerritory);
    }

    /** A refused redemption, in its order's territory (else the actor's). */
    public static VoucherStream refusal(UUID refusalId, String territory) {
        return new VoucherStream(refusalId, "refusal", territory);
    }

    public UUID id() { return stream.id(); }

    public List<ConsumedEvent> published() { return stream.published(); }

    public void publish(VoucherEvent event) {
        stream.send(EVENTS.typeOf(event), EVENTS.schemaVersionOf(event), EVENTS.encode(event));
    }

    /** Sends the very record of an earlier event again, as Kafka may after a consumer failure. */
    public void redeliver(ConsumedEvent event) {
        stream.redeliver(event);
    }
}
