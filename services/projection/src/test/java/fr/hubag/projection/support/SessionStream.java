package fr.hubag.projection.support;

import fr.hubag.contracts.sessions.BeneficiaryEvent;
import fr.hubag.contracts.sessions.BeneficiaryEvents;
import fr.hubag.contracts.sessions.ReferralEvent;
import fr.hubag.contracts.sessions.ReferralEvents;
import fr.hubag.contracts.sessions.SessionEvent;
import fr.hubag.contracts.sessions.SessionEvents;
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
 * One stream of {@code sessions.events} as the sessions relay publishes it (a session's, an activity report's, a
 * beneficiary's or a referral's): the typed records of the contracts, encoded by their catalogues, each checked
 * against its schema in contracts/events/sessions, keyed by the stream id with the CloudEvents headers and
 * consecutive versions. Keeps what it published, as the projection reads it, so that a test may apply the same
 * events again.
 */
public final class SessionStream {

    public static final String TOPIC = "sessions.events";
    private static final EventCodec<SessionEvent> SESSIONS = EventCodec.of(SessionEvents.CATALOGUE,
            SessionEvent::occurredAt);
    private static final EventCodec<BeneficiaryEvent> BENEFICIARIES = EventCodec.of(BeneficiaryEvents.CATALOGUE,
            BeneficiaryEvent::occurredAt);
    private static final EventCodec<ReferralEvent> REFERRALS = EventCodec.of(ReferralEvents.CATALOGUE,
            ReferralEvent::occurredAt);
    private static final AtomicLong POSITION = new AtomicLong(5_000_000);

    private final UUID id;
    private final String streamType;
    private final String territory;
    private final List<ConsumedEvent> published = new ArrayList<>();
    private long version;

    private SessionStream(UUID id, String streamType, String territory) {
        this.id = id;
        this.streamType = streamType;
        this.territory = territory;
    }

    public static SessionStream session(String territory) {
        return new SessionStream(UUID.randomUUID(), "session", territory);
    }

    public static SessionStream report(String territory) {
        return new SessionStream(UUID.randomUUID(), "activity_report", territory);
    }

    public static SessionStream beneficiary(String territory) {
        return new SessionStream(UUID.randomUUID(), "beneficiary", territory);
    }

    /** The stream of a beneficiary a test names by id (a referral's person), from its first event. */
    public static SessionStream beneficiary(UUID id, String territory) {
        return new SessionStream(id, "beneficiary", territory);
    }

    public static SessionStream referral(String territory) {
        return new SessionStream(UUID.randomUUID(), "referral", territory);
    }

    public UUID id() { return id; }

    /** The events published so far, as the projection's consumer reads them. */
    public List<ConsumedEvent> published() { return List.copyOf(published); }

    public UUID publish(SessionEvent event) {
        return send(SESSIONS.typeOf(event), SESSIONS.schemaVersionOf(event), SESSIONS.encode(event));
    }

    public UUID publish(BeneficiaryEvent event) {
        return send(BENEFICIARIES.typeOf(event), BENEFICIARIES.schemaVersionOf(event), BENEFICIARIES.encode(event));
    }

    public UUID publish(ReferralEvent event) {
        return send(REFERRALS.typeOf(event), REFERRALS.schemaVersionOf(event), REFERRALS.encode(event));
    }

    /** Publishes the very record of an earlier event again, as Kafka may after a consumer failure. */
    public void redeliver(ConsumedEvent event) {
        write(event.eventId(), event.eventType(), event.schemaVersion(), event.streamVersion(), event.payload());
    }

    private UUID send(String type, int schemaVersion, String json) {
        assertThat(EventContracts.validate(CloudEventHeaders.dataSchema("sessions", type, schemaVersion), json))
                .as("%s v%d payload against its contract: %s", type, schemaVersion, json).isEmpty();
        UUID eventId = UUID.randomUUID();
        long at = ++version;
        write(eventId, type, schemaVersion, at, json);
        published.add(new ConsumedEvent(eventId, "hubag.sessions." + type, schemaVersion, id.toString(), territory,
                at, json, "corr-" + eventId, TOPIC, 0, 0));
        return eventId;
    }

    private void write(UUID eventId, String type, int schemaVersion, long streamVersion, String json) {
        EventEnvelope envelope = new EventEnvelope(POSITION.incrementAndGet(), eventId, id.toString(), streamType,
                territory, streamVersion, type, schemaVersion, json,
                new EventMetadata("corr-" + eventId, "cause", "tester", null), Instant.now(), Instant.now());
        try {
            TopicProducer.get().send(new ProducerRecord<>(TOPIC, null, id.toString(),
                    json.getBytes(StandardCharsets.UTF_8), CloudEventHeaders.of(envelope, "sessions"))).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish " + type, e);
        }
    }
}
