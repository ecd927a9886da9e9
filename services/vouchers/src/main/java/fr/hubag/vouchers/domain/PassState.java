package fr.hubag.vouchers.domain;

import fr.hubag.domain.Territory;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A pass as its own events make it: not handed out yet, in a beneficiary's hands, then redeemed or expired (for
 * ever: one or the other).
 */
public sealed interface PassState {

    record InBooklet() implements PassState {}

    record Distributed(UUID passId, Territory territory, UUID beneficiaryId, String distributorId)
            implements PassState {}

    record Redeemed(UUID passId, Territory territory, UUID beneficiaryId, UUID actorId, LocalDate redeemedOn)
            implements PassState {}

    /** Not redeemed by the end of its order's tolerance; {@code distributed}: whether a beneficiary had it. */
    record Expired(UUID passId, Territory territory, boolean distributed, LocalDate acceptedUntil)
            implements PassState {}
}
