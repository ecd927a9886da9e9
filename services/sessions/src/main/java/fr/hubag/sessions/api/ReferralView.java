package fr.hubag.sessions.api;

import fr.hubag.contracts.sessions.Theme;
import fr.hubag.domain.Coded;
import fr.hubag.sessions.domain.ReferralState;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A referral as its partner and the hub's staff read it: codes and pseudonymous ids, never a person's data. */
@Schema(name = "Referral")
public record ReferralView(
        UUID id,
        @Schema(description = "the referring partner (its token's subject)") String partner,
        String territory,
        @Schema(description = "the person's pseudonymous id") UUID beneficiaryId,
        String reason,
        List<String> themes,
        @Schema(enumeration = {"submitted", "accepted", "assigned", "refused", "closed", "expired"}) String status,
        @Schema(description = "refused only") String refusalReason,
        UUID actorId,
        UUID sessionId,
        @Schema(enumeration = {"attended", "autonomous", "redirected", "no_show", "closed"}) String outcome,
        String redirectedTo,
        Instant submittedAt,
        @Schema(description = "when its last event happened") Instant changedAt,
        long version) {

    static ReferralView of(ReferralState.Referral r, long version) {
        return new ReferralView(r.referralId(), r.partner(), r.territory().name(), r.beneficiaryId(),
                r.reason().code(), r.themes().stream().map(Theme::code).toList(), r.status().code(),
                code(r.refusal()), r.actorId(), r.sessionId(), code(r.outcome()), code(r.redirectedTo()),
                r.submittedAt(), r.changedAt(), version);
    }

    private static String code(Coded value) {
        return value == null ? null : value.code();
    }

    /** A page of a partner's referrals, oldest change first; {@code nextCursor} is null on the last page. */
    @Schema(name = "ReferralPage")
    public record Page(List<ReferralView> items, String nextCursor) {}
}
