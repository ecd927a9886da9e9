package fr.hubag.contracts.sessions;

import fr.hubag.domain.Territory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What happened to a partner's referral, on {@code sessions.events} keyed by the referral id. Every event names the
 * referring partner (its token subject) and the territory, so that a consumer — the partner's webhooks, a read model
 * of referrals per partner — needs no other event to route it. The person is named by their pseudonymous beneficiary
 * id only: no name, no partner file number (that is personal data, kept encrypted with the beneficiary), no free text.
 */
public sealed interface ReferralEvent {

    UUID referralId();

    String partner();

    Territory territory();

    Instant occurredAt();

    /** A partner referred a beneficiary to the hub of {@code territory}, for a reason and some themes. */
    record ReferralSubmitted(UUID referralId, String partner, Territory territory, UUID beneficiaryId,
                             ReferralReason reason, List<Theme> themes, Instant occurredAt) implements ReferralEvent {

        public ReferralSubmitted {
            themes = List.copyOf(themes);
        }
    }

    /** Hub staff took the referral on. */
    record ReferralAccepted(UUID referralId, String partner, Territory territory, Instant occurredAt)
            implements ReferralEvent {}

    /** Hub staff refused the referral, for a coded reason (never free text: it could name the person). */
    record ReferralRefused(UUID referralId, String partner, Territory territory, RefusalReason reason,
                           Instant occurredAt) implements ReferralEvent {}

    /**
     * The referral was given to a mediators' structure ({@code actorId}, a census actor) and, when it names one, to
     * a session of that actor ({@code sessionId}, else null). A later assignment replaces the earlier.
     */
    record ReferralAssigned(UUID referralId, String partner, Territory territory, UUID actorId, UUID sessionId,
                            Instant occurredAt) implements ReferralEvent {}

    /** What became of the referral: final. {@code redirectedTo} is the kind of structure, for {@code redirected} only. */
    record ReferralOutcomeRecorded(UUID referralId, String partner, Territory territory, ReferralOutcome outcome,
                                   RedirectionStructure redirectedTo, Instant occurredAt) implements ReferralEvent {}

    /** Nobody answered the referral within {@code afterDays} days of its submission: final. */
    record ReferralExpired(UUID referralId, String partner, Territory territory, int afterDays, Instant occurredAt)
            implements ReferralEvent {}
}
