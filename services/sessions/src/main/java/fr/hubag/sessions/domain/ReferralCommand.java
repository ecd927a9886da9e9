package fr.hubag.sessions.domain;

import fr.hubag.contracts.sessions.RedirectionStructure;
import fr.hubag.contracts.sessions.ReferralOutcome;
import fr.hubag.contracts.sessions.ReferralReason;
import fr.hubag.contracts.sessions.RefusalReason;
import fr.hubag.contracts.sessions.Theme;
import fr.hubag.domain.Territory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What a partner and hub staff ask about a referral. The person is a pseudonymous beneficiary id, nothing more. */
public sealed interface ReferralCommand {

    UUID referralId();

    Instant at();

    /**
     * What the beneficiary's own stream says about the person referred, read by the use case just before: the
     * decider needs it to refuse a referral of someone unknown, erased, of another territory, or who did not consent
     * to their outcome being told to the partner ({@code retour_prescripteur}).
     */
    record Beneficiary(boolean registered, boolean erased, Territory territory, boolean consentsToFeedback) {

        public static final Beneficiary UNKNOWN = new Beneficiary(false, false, null, false);
    }

    record SubmitReferral(UUID referralId, String partner, Territory territory, UUID beneficiaryId,
                          Beneficiary beneficiary, ReferralReason reason, List<Theme> themes, Instant at)
            implements ReferralCommand {

        public SubmitReferral {
            themes = List.copyOf(themes);
        }
    }

    record AcceptReferral(UUID referralId, Instant at) implements ReferralCommand {}

    record RefuseReferral(UUID referralId, RefusalReason reason, Instant at) implements ReferralCommand {}

    /** To an actor and optionally one of its sessions (the use case reads the session's actor). */
    record AssignReferral(UUID referralId, UUID actorId, UUID sessionId, Instant at) implements ReferralCommand {}

    record RecordOutcome(UUID referralId, ReferralOutcome outcome, RedirectionStructure redirectedTo, Instant at)
            implements ReferralCommand {}

    /** The expiry job's command: expires the referral if it is still unanswered {@code afterDays} after submission. */
    record ExpireReferral(UUID referralId, int afterDays, Instant at) implements ReferralCommand {}
}
