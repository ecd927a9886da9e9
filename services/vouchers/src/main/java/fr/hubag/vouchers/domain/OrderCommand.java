package fr.hubag.vouchers.domain;

import fr.hubag.contracts.vouchers.IssuedPass;
import fr.hubag.contracts.vouchers.Perimeter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What can be asked of an order. {@code at} is when the command was received: the decider's only clock (the order's
 * year, hence its default validity, is read from it in the territory's zone).
 */
public sealed interface OrderCommand {

    UUID orderId();

    Instant at();

    /**
     * Quote an order. {@code issued} holds, per booklet, the passes the application drew (ids and keyed hashes of
     * codes drawn from a secure random source: the decider draws nothing). {@code validUntil} null: the default.
     */
    record QuoteOrder(UUID orderId, String funderId, Perimeter perimeter, int booklets, int passesPerBooklet,
                      long faceValueCents, LocalDate validUntil, String programmeId, List<String> distributors,
                      List<List<IssuedPass>> issued, Instant at) implements OrderCommand {

        public QuoteOrder {
            distributors = List.copyOf(distributors);
            issued = issued.stream().map(List::copyOf).toList();
        }
    }

    /** Record the funder's payment mandate: the order's passes become usable. */
    record ActivateOrder(UUID orderId, String mandateReference, Instant at) implements OrderCommand {}

    /** The funder allows its passes to be handed out in the last 15 days before their validity end. */
    record ConfirmLateDistribution(UUID orderId, String confirmedBy, Instant at) implements OrderCommand {}

    /**
     * Close the order at the end of its tolerance, once the expiry job has made each of its passes redeemed or
     * expired: {@code tallies} is what the passes' streams then say; the decider turns it into the credit note and
     * refuses it unless it adds up. {@code at}: the end of the job's period.
     */
    record ExpireOrder(UUID orderId, PassTallies tallies, Instant at) implements OrderCommand {}
}
