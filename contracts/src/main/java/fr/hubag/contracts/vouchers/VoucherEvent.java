package fr.hubag.contracts.vouchers;

import fr.hubag.contracts.sessions.AgeBand;
import fr.hubag.domain.Territory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * What happened to an order of APTIC passes and to each pass: the records the vouchers deciders decide and fold, the
 * vouchers store writes and every consumer of {@code vouchers.events} reads (contracts/events/vouchers/*.json, checked
 * both ways by the vouchers service's {@code VoucherEventRecordsTest}). Four kinds of stream: an order (key = order
 * id), a pass (key = pass id), an actor's monthly statement (key = statement id) and a refused redemption (key =
 * refusal id). A pass's code never appears here: only its id and a keyed hash (HMAC-SHA256 with a
 * key kept outside the database), so the topic and every read model can be copied without giving a pass away.
 * Amounts are integer cents.
 */
public sealed interface VoucherEvent {

    Instant occurredAt();

    /** An event of an order's stream. */
    sealed interface OrderEvent extends VoucherEvent {
        UUID orderId();
    }

    /** An event of a pass's stream. */
    sealed interface PassEvent extends VoucherEvent {
        UUID passId();
    }

    /** An event of an actor's monthly statement (key = statement id, derived from the actor and the month). */
    sealed interface StatementEvent extends VoucherEvent {
        UUID statementId();
    }

    /** An event of a refused redemption's own stream (key = refusal id): refusals never contend with a pass. */
    sealed interface RefusalEvent extends VoucherEvent {
        UUID refusalId();
    }

    /**
     * A funder ordered booklets for a perimeter and was quoted: face total, the 4 % fee ({@code feeBasisPoints} 400,
     * rounded to the nearest cent, halves up, once on the face total) and the total to pay. {@code territory} is the
     * order's stream territory (the perimeter's first). Passes are valid until {@code validUntil} and accepted until
     * {@code acceptedUntil} (the tolerance), both local dates in the redeeming actor's territory.
     */
    record OrderQuoted(UUID orderId, String funderId, Territory territory, Perimeter perimeter, int booklets,
                       int passesPerBooklet, long faceValueCents, long faceTotalCents, int feeBasisPoints,
                       long feeCents, long totalCents, LocalDate validUntil, LocalDate acceptedUntil,
                       String programmeId, List<String> distributors, Instant occurredAt) implements OrderEvent {

        public OrderQuoted {
            distributors = distributors == null ? List.of() : List.copyOf(distributors);
        }
    }

    /** The passes of one booklet (numbered from 1), recorded with the quote: ids and keyed hashes of their codes. */
    record PassesIssued(UUID orderId, int booklet, List<IssuedPass> passes, Instant occurredAt)
            implements OrderEvent {

        public PassesIssued {
            passes = passes == null ? List.of() : List.copyOf(passes);
        }
    }

    /** The funder's payment mandate is recorded: the order's passes are usable from now on. */
    record OrderActivated(UUID orderId, String mandateReference, Instant occurredAt) implements OrderEvent {}

    /**
     * The funder confirms that its passes may still be handed out in the last 15 days before their validity end,
     * when distribution is otherwise blocked (a person given a pass then has little time to use it).
     */
    record LateDistributionConfirmed(UUID orderId, String confirmedBy, Instant occurredAt) implements OrderEvent {}

    /**
     * A distributor handed the pass to a beneficiary: a pseudonymous id and coarse attributes only (an age band, the
     * commune of residence), never a name. {@code territory} is the pass stream's: its order's.
     */
    record PassDistributed(UUID passId, UUID orderId, Territory territory, int booklet, String distributorId,
                           UUID beneficiaryId, AgeBand ageBand, String communeInseeCode, Instant occurredAt)
            implements PassEvent {}

    /**
     * The pass was redeemed at a labelled actor: the actor's territory and commune, the local date of the redemption
     * in that territory's zone, the face value owed to the actor, and the session it paid for, if any.
     */
    record PassRedeemed(UUID passId, UUID orderId, UUID actorId, Territory territory, String communeInseeCode,
                        LocalDate redeemedOn, long faceValueCents, UUID sessionId, Instant occurredAt)
            implements PassEvent {}

    /**
     * An actor's monthly statement: the passes redeemed at the actor in {@code month} (the months of its territory's
     * zone: each line's {@code redeemedOn} is a local date of that month) and the amount it is owed, in cents. Issued
     * once per actor and month by the settlement job; an actor with no redemption that month gets none.
     */
    record StatementIssued(UUID statementId, UUID actorId, Territory territory, YearMonth month,
                           List<StatementLine> lines, int passCount, long totalCents, Instant occurredAt)
            implements StatementEvent {

        public StatementIssued {
            lines = lines == null ? List.of() : List.copyOf(lines);
        }
    }

    /** The hub paid the statement: the payment's reference (a transfer's), recorded once. */
    record StatementPaid(UUID statementId, UUID actorId, Territory territory, YearMonth month,
                         String paymentReference, String paidBy, Instant occurredAt) implements StatementEvent {}

    /**
     * The pass was not redeemed by the end of its order's tolerance ({@code acceptedUntil}, in every zone of the
     * perimeter): it can no longer be redeemed nor handed out, and its face value is credited back to the funder.
     * {@code distributed}: whether a beneficiary had it. A pass ends redeemed or expired, never both: both are
     * decided on the pass's own stream.
     */
    record PassExpired(UUID passId, UUID orderId, Territory territory, int booklet, boolean distributed,
                       long faceValueCents, LocalDate acceptedUntil, Instant occurredAt) implements PassEvent {}

    /**
     * The order's tolerance ended and each of its passes is redeemed or expired: the funder's credit note, at face
     * value of the passes never redeemed, with the reconciliation of ordered, distributed, redeemed and expired
     * passes in cents (the fee is not credited).
     */
    record OrderExpired(UUID orderId, String funderId, Territory territory, LocalDate acceptedUntil,
                        Reconciliation reconciliation, Instant occurredAt) implements OrderEvent {}

    /**
     * A redemption was refused, for hub staff's fraud review and the funder's refusals by reason: the actor tried for
     * and its territory (null when the census does not know it), the pass and its order when the code led to one
     * (null for a mistyped or unknown code) with the order's territory, the reason (the answer's problem code). Never
     * the code typed, never a beneficiary. A stream of its own — in the order's territory, else the actor's — so that
     * 49 losers of a race append beside the winner, not behind it.
     */
    record RedemptionRefused(UUID refusalId, UUID actorId, Territory territory, UUID passId, UUID orderId,
                             Territory orderTerritory, String reason, Instant occurredAt)
            implements RefusalEvent {}
}
