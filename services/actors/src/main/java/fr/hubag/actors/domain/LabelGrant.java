package fr.hubag.actors.domain;

import java.time.LocalDate;

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
}
