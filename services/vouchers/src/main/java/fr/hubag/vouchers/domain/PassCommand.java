package fr.hubag.vouchers.domain;

import fr.hubag.contracts.sessions.AgeBand;

import java.time.Instant;
import java.util.UUID;

/**
 * What can be asked of a pass. Each command carries its order's terms and, for a redemption, what the census says of
 * the actor — read by the application from the order's stream and the local copy of the census — so the rules stay a
 * pure function of the command and the pass's own events. {@code at} is the decider's only clock.
 */
public sealed interface PassCommand {

    UUID passId();

    OrderTerms terms();

    Instant at();

    /** Hand the pass to a beneficiary: a pseudonymous id and optional coarse attributes. */
    record Distribute(UUID passId, OrderTerms terms, int booklet, String distributorId, UUID beneficiaryId,
                      AgeBand ageBand, String communeInseeCode, Instant at) implements PassCommand {}

    /** Redeem the pass at {@code actor}, optionally for a session. */
    record Redeem(UUID passId, OrderTerms terms, ActorFacts actor, java.util.UUID sessionId, Instant at)
            implements PassCommand {}

    /**
     * Expire the pass at the end of its order's tolerance (the expiry job, {@code at} = the end of the period it
     * runs for); a redeemed pass stays redeemed.
     */
    record Expire(UUID passId, OrderTerms terms, int booklet, Instant at) implements PassCommand {}
}
