package fr.hubag.projection.support;

import fr.hubag.contracts.sessions.BeneficiaryEvent;
import fr.hubag.contracts.sessions.BeneficiaryEvents;
import fr.hubag.contracts.sessions.ReferralEvent;
import fr.hubag.contracts.sessions.ReferralEvents;
import fr.hubag.contracts.sessions.SessionEvent;
import fr.hubag.contracts.sessions.SessionEvents;
import fr.hubag.eventsourcing.codec.EventCodec;
import fr.hubag.eventsourcing.consumer.ConsumedEvent;

import java.util.List;
import java.util.UUID;

/**
 * One stream of {@code sessions.events} as the sessions relay publishes it (a session's, an activity report's, a
 * beneficiary's or a referral's): the typed records of the contracts, encoded by their catalogues, each checked
 * against its schema in contracts/events/sessions ({@link PublishedStream}). Keeps what it published, as the
 * projection reads it, so that a test may apply the same events again.
 */
public final class SessionStream {

    public static final String TOPIC = "sessions.events";
    private static final EventCodec<SessionEvent> SESSIONS = EventCodec.of(SessionEvents.CATALOGUE,
            SessionEvent::occurredAt);
    private static final EventCodec<BeneficiaryEvent> BENEFICIARIES = EventCodec.of(BeneficiaryEvents.CATALOGUE,
            BeneficiaryEvent::occurredAt);
    private static final EventCodec<ReferralEvent> REFERRALS = EventCodec.of(ReferralEvents.CATALOGUE,
            ReferralEvent::occurredAt);

    private final PublishedStream stream;

    private SessionStream(UUID id, String streamType, String territory) {
        this.stream = new PublishedStream(TOPIC, "sessions", id, streamType, territory);
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

    public UUID id() { return stream.id(); }

    /** The events published so far, as the projection's consumer reads them. */
    public List<ConsumedEvent> published() { return stream.published(); }

    public UUID publish(SessionEvent event) {
        return stream.send(SESSIONS.typeOf(event), SESSIONS.schemaVersionOf(event), SESSIONS.encode(event));
    }

    public UUID publish(BeneficiaryEvent event) {
        return stream.send(BENEFICIARIES.typeOf(event), BENEFICIARIES.schemaVersionOf(event),
                BENEFICIARIES.encode(event));
    }

    public UUID publish(ReferralEvent event) {
        return stream.send(REFERRALS.typeOf(event), REFERRALS.schemaVersionOf(event), REFERRALS.encode(event));
    }

    /** Publishes the very record of an earlier event again, as Kafka may after a consumer failure. */
    public void redeliver(ConsumedEvent event) {
        stream.redeliver(event);
    }
}
