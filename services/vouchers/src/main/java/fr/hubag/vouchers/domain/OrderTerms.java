package fr.hubag.vouchers.domain;

import fr.hubag.contracts.vouchers.Perimeter;
import fr.hubag.domain.Territory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The facts of an order a pass's rules depend on, handed to the pass's decider with each command: a pass's stream
 * holds only what happened to that pass, its order's stream the rest. All but {@code activated} never change, and
 * activation and the funder's confirmation of late distribution are never undone, so a copy read just before the
 * command is as good as one read with it.
 */
public record OrderTerms(UUID orderId, String funderId, Territory territory, Perimeter perimeter,
                         long faceValueCents, LocalDate validUntil, LocalDate acceptedUntil, boolean activated,
                         boolean lateDistributionConfirmed) {

    /** Distribution is blocked from this many days before the validity end, unless the funder confirmed it. */
    public static final int LATE_DISTRIBUTION_DAYS = 15;

    /**
     * When the tolerance has ended everywhere a pass may be redeemed: midnight after {@code acceptedUntil} in the
     * last of the perimeter's zones to reach it (a redemption's day is read in the actor's zone, and Martinique's
     * 31 January lasts an hour longer than Cayenne's). Nothing expires before.
     */
    public Instant toleranceEnd() {
        return perimeter.territories().stream()
                .map(t -> acceptedUntil.plusDays(1).atStartOfDay(t.zone()).toInstant())
                .max(Instant::compareTo)
                .orElseGet(() -> acceptedUntil.plusDays(1).atStartOfDay(territory.zone()).toInstant());
    }

    /** The first day distribution needs the funder's confirmation. */
    public LocalDate lateDistributionFrom() {
        return validUntil.minusDays(LATE_DISTRIBUTION_DAYS);
    }
}
