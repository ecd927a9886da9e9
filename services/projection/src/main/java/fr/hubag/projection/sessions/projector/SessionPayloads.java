package fr.hubag.projection.sessions.projector;

import fr.hubag.contracts.sessions.BeneficiaryEvent;
import fr.hubag.contracts.sessions.BeneficiaryEvents;
import fr.hubag.contracts.sessions.ReferralEvent;
import fr.hubag.contracts.sessions.ReferralEvents;
import fr.hubag.contracts.sessions.SessionEvent;
import fr.hubag.contracts.sessions.SessionEvents;
import fr.hubag.eventsourcing.codec.EventCodec;
import fr.hubag.eventsourcing.consumer.ConsumedEvent;

import java.util.Optional;

/**
 * The events of {@code sessions.events} as the read models get them: the records of
 * {@code fr.hubag.contracts.sessions}, decoded with the catalogues the sessions service stores with. The topic holds
 * four kinds of streams (sessions, activity reports, beneficiaries, referrals); the type names do not overlap.
 */
final class SessionPayloads {

    private static final EventCodec<SessionEvent> SESSIONS = EventCodec.of(SessionEvents.CATALOGUE,
            SessionEvent::occurredAt);
    private static final EventCodec<BeneficiaryEvent> BENEFICIARIES = EventCodec.of(BeneficiaryEvents.CATALOGUE,
            BeneficiaryEvent::occurredAt);
    private static final EventCodec<ReferralEvent> REFERRALS = EventCodec.of(ReferralEvents.CATALOGUE,
            ReferralEvent::occurredAt);

    private SessionPayloads() {}

    /** A session's or an activity report's event; empty for another type. */
    static Optional<SessionEvent> session(ConsumedEvent event) {
        String type = event.eventType();
        return SESSIONS.knows(type)
                ? Optional.of(SESSIONS.decode(type, event.schemaVersion(), event.payload())) : Optional.empty();
    }

    /** A beneficiary's event; empty for another type. */
    static Optional<BeneficiaryEvent> beneficiary(ConsumedEvent event) {
        String type = event.eventType();
        return BENEFICIARIES.knows(type)
                ? Optional.of(BENEFICIARIES.decode(type, event.schemaVersion(), event.payload())) : Optional.empty();
    }

    /** A referral's event; empty for another type. */
    static Optional<ReferralEvent> referral(ConsumedEvent event) {
        String type = event.eventType();
        return REFERRALS.knows(type)
                ? Optional.of(REFERRALS.decode(type, event.schemaVersion(), event.payload())) : Optional.empty();
    }
}
