package fr.hubag.contracts.vouchers;

import java.time.LocalDate;
import java.util.UUID;

/** One pass on an actor's statement: which pass, of which order, redeemed on which local date, owed how many cents. */
public record StatementLine(UUID passId, UUID orderId, LocalDate redeemedOn, long faceValueCents) {}
