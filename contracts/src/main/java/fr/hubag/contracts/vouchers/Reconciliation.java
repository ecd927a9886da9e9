package fr.hubag.contracts.vouchers;

/**
 * What became of an order's passes once its tolerance ended, in passes and cents, so that the funder's credit note
 * can be checked against what it paid: every pass ordered was either redeemed (paid to an actor) or expired
 * (credited back at face value); the 4 % fee paid for issuing and running the passes and is not credited.
 * {@code paidCents} = ordered + fee = redeemed + credited + fee kept, to the cent.
 */
public record Reconciliation(Tally ordered, Tally distributed, Tally redeemed, Tally expired,
                             Tally expiredUndistributed, long feeCents, long feeCreditedCents, long paidCents,
                             long creditedCents) {

    /** A number of passes and their face value in cents. */
    public record Tally(long passes, long cents) {

        public Tally plus(Tally other) {
            return new Tally(passes + other.passes, cents + other.cents);
        }
    }

    /** Whether the figures add up: ordered = redeemed + expired, paid = redeemed + credited + fee kept. */
    public boolean addsUp() {
        return ordered.equals(redeemed.plus(expired))
                && distributed.passes() <= ordered.passes()
                && redeemed.passes() <= distributed.passes()
                && expiredUndistributed.passes() == ordered.passes() - distributed.passes()
                && creditedCents == expired.cents() + feeCreditedCents
                && paidCents == ordered.cents() + feeCents
                && paidCents == redeemed.cents() + creditedCents + (feeCents - feeCreditedCents);
    }
}
