package fr.hubag.vouchers.domain;

import fr.hubag.domain.Territory;

import java.time.LocalDate;
import java.util.UUID;

/** A pass as its own events make it: not handed out yet, in a beneficiary's hands, or redeemed (for ever). */
public sealed interface PassState {

    record InBooklet() implements PassState {}

    record Distributed(UUID passId, Territory territory, UUID beneficiaryId, String distributorId)
            implements PassState {}

    record Redeemed(UUID passId, Territory territory, UUID beneficiaryId, UUID actorId, LocalDate redeemedOn)
            implements PassState {}
}
