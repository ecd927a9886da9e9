package fr.hubag.contracts.sessions;

import fr.hubag.contracts.sessions.ReferralEvent.ReferralAccepted;
import fr.hubag.contracts.sessions.ReferralEvent.ReferralAssigned;
import fr.hubag.contracts.sessions.ReferralEvent.ReferralExpired;
import fr.hubag.contracts.sessions.ReferralEvent.ReferralOutcomeRecorded;
import fr.hubag.contracts.sessions.ReferralEvent.ReferralRefused;
import fr.hubag.contracts.sessions.ReferralEvent.ReferralSubmitted;
import fr.hubag.domain.EventCatalogue;

/**
 * The partners' referrals' events on {@code sessions.events} (streams of type {@code referral}, keyed by the
 * referral id), each under its contract name and current version.
 */
public final class ReferralEvents {

    public static final EventCatalogue<ReferralEvent> CATALOGUE = EventCatalogue.of(ReferralEvent.class)
            .event("ReferralSubmitted", 1, ReferralSubmitted.class)
            .event("ReferralAccepted", 1, ReferralAccepted.class)
            .event("ReferralRefused", 1, ReferralRefused.class)
            .event("ReferralAssigned", 1, ReferralAssigned.class)
            .event("ReferralOutcomeRecorded", 1, ReferralOutcomeRecorded.class)
            .event("ReferralExpired", 1, ReferralExpired.class)
            .build();

    private ReferralEvents() {}
}
