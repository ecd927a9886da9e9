package fr.hubag.sessions.domain;

import fr.hubag.contracts.sessions.RedirectionStructure;
import fr.hubag.contracts.sessions.ReferralOutcome;
import fr.hubag.contracts.sessions.ReferralReason;
import fr.hubag.contracts.sessions.RefusalReason;
import fr.hubag.contracts.sessions.Theme;
import fr.hubag.domain.Territory;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** A referral as folded from its stream. */
public sealed interface ReferralState {

    /** Where a referral stands; {@code refused}, {@code closed} (an outcome recorded) and {@code expired} are final. */
    enum Status {
        SUBMITTED, ACCEPTED, ASSIGNED, REFUSED, CLOSED, EXPIRED;

        public String code() { return name().toLowerCase(Locale.ROOT); }
    }

    record None() implements ReferralState {}

    record Referral(UUID referralId, String partner, Territory territory, UUID beneficiaryId, ReferralReason reason,
                    List<Theme> themes, Instant submittedAt, Status status, RefusalReason refusal, UUID actorId,
                    UUID sessionId, ReferralOutcome outcome, RedirectionStructure redirectedTo, Instant changedAt)
            implements ReferralState {

        public Referral {
            themes = List.copyOf(themes);
        }

        Referral with(Status newStatus, Instant at) {
            return new Referral(referralId, partner, territory, beneficiaryId, reason, themes, submittedAt, newStatus,
                    refusal, actorId, sessionId, outcome, redirectedTo, at);
        }

        Referral refused(RefusalReason why, Instant at) {
            return new Referral(referralId, partner, territory, beneficiaryId, reason, themes, submittedAt,
                    Status.REFUSED, why, actorId, sessionId, outcome, redirectedTo, at);
        }

        Referral assigned(UUID actor, UUID session, Instant at) {
            return new Referral(referralId, partner, territory, beneficiaryId, reason, themes, submittedAt,
                    Status.ASSIGNED, refusal, actor, session, outcome, redirectedTo, at);
        }

        Referral closed(ReferralOutcome what, RedirectionStructure where, Instant at) {
            return new Referral(referralId, partner, territory, beneficiaryId, reason, themes, submittedAt,
                    Status.CLOSED, refusal, actorId, sessionId, what, where, at);
        }
    }
}
