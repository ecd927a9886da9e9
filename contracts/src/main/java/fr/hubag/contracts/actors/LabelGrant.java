package fr.hubag.contracts.actors;

import java.time.LocalDate;
import java.util.Optional;

/** A label held over a period; {@code validUntil} null means open-ended. Both bounds are inclusive. */
public record LabelGrant(Label label, LocalDate validFrom, LocalDate validUntil) {

    public boolean overlaps(LocalDate from, LocalDate until) {
        boolean startsBeforeOtherEnds = until == null || !validFrom.isAfter(until);
        boolean endsAfterOtherStarts = validUntil == null || !validUntil.isBefore(from);
        return startsBeforeOtherEnds && endsAfterOtherStarts;
    }

    public boolean validOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validUntil == null || !date.isAfter(validUntil));
    }

    /** True when the grant still holds on or after {@code date}: what a revocation from that date would cut. */
    public boolean reachesOrPasses(LocalDate date) {
        return validUntil == null || !validUntil.isBefore(date);
    }

    /**
     * This grant after a revocation effective on {@code effectiveOn}: unchanged if it ended before, cut to end the
     * day before, or gone if it had not started yet.
     */
    public Optional<LabelGrant> revokedFrom(LocalDate effectiveOn) {
        if (!reachesOrPasses(effectiveOn)) {
            return Optional.of(this);
        }
        if (!validFrom.isBefore(effectiveOn)) {
            return Optional.empty();
        }
        return Optional.of(new LabelGrant(label, validFrom, effectiveOn.minusDays(1)));
    }
}
