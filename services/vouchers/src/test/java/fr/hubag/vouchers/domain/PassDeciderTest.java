package fr.hubag.vouchers.domain;

import fr.hubag.contracts.sessions.AgeBand;
import fr.hubag.contracts.vouchers.Perimeter;
import fr.hubag.contracts.vouchers.VoucherEvent.PassDistributed;
import fr.hubag.contracts.vouchers.VoucherEvent.PassRedeemed;
import fr.hubag.domain.CommandRejected.Kind;
import fr.hubag.domain.Territory;
import fr.hubag.testing.DeciderSpec;
import fr.hubag.vouchers.domain.ActorFacts.LabelPeriod;
import fr.hubag.vouchers.domain.PassCommand.Distribute;
import fr.hubag.vouchers.domain.PassCommand.Redeem;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A pass given / when / then: distributed once, redeemed once, only when activated, in time (the tolerance, in the
 * actor's zone), in the perimeter, at an actor labelled that day in its own calendar.
 */
class PassDeciderTest {

    static final UUID PASS = UUID.fromString("8d2c4e6f-1a3b-4c5d-8e9f-0a1b2c3d4e51");
    static final UUID ORDER = OrderDeciderTest.ORDER;
    static final UUID BENEFICIARY = UUID.fromString("3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e63");
    static final UUID ACTOR = UUID.fromString("3f6c2a1e-8b4d-4c7a-9e15-2d0b7a4c9f61");
    static final Instant DEC_1 = Instant.parse("2026-12-01T13:00:00Z");

    private final PassDecider decider = new PassDecider();

    static OrderTerms terms(boolean activated, Perimeter perimeter) {
        return new OrderTerms(ORDER, "caf-972", perimeter.territories().get(0), perimeter, 1000,
                LocalDate.of(2026, 12, 31), LocalDate.of(2027, 1, 31), activated);
    }

    static OrderTerms active() {
        return terms(true, new Perimeter(List.of(Territory.GF, Territory.MQ), List.of()));
    }

    static PassDistributed distributed() {
        return new PassDistributed(PASS, ORDER, Territory.GF, 1, "ccas-cayenne", BENEFICIARY, AgeBand.DIX_HUIT_VINGT_QUATRE,
                "97302", DEC_1);
    }

    static Distribute distribute(OrderTerms terms, UUID beneficiary, Instant at) {
        return new Distribute(PASS, terms, 1, "ccas-cayenne", beneficiary, AgeBand.DIX_HUIT_VINGT_QUATRE, "97302", at);
    }

    /** A Cayenne actor (UTC-3) labelled APTIC over the given period. */
    static ActorFacts cayenne(LocalDate from, LocalDate until) {
        return new ActorFacts(ACTOR, Territory.GF, "97302", List.of(new LabelPeriod(from, until)), null);
    }

    static Redeem redeem(OrderTerms terms, ActorFacts actor, Instant at) {
        return new Redeem(PASS, terms, actor, null, at);
    }

    @Test
    void aPassIsDistributedOnceThenRedeemedOnce() {
        DeciderSpec.of(decider).when(distribute(active(), BENEFICIARY, DEC_1)).then(distributed());
        DeciderSpec.of(decider).given(distributed()).when(distribute(active(), BENEFICIARY, DEC_1)).then();
        DeciderSpec.of(decider).given(distributed()).when(distribute(active(), UUID.randomUUID(), DEC_1))
                .thenRejected(Kind.CONFLICT, "pass-already-distributed");

        Instant at = Instant.parse("2026-12-03T15:00:00Z");
        ActorFacts actor = cayenne(LocalDate.of(2026, 1, 1), null);
        PassRedeemed redeemed = new PassRedeemed(PASS, ORDER, ACTOR, Territory.GF, "97302",
                LocalDate.of(2026, 12, 3), 1000, null, at);
        DeciderSpec.of(decider).given(distributed()).when(redeem(active(), actor, at)).then(redeemed);
        DeciderSpec.of(decider).given(distributed(), redeemed).when(redeem(active(), actor, at))
                .thenRejected(Kind.CONFLICT, "pass-already-redeemed");
        DeciderSpec.of(decider).given(distributed(), redeemed).when(distribute(active(), BENEFICIARY, at))
                .thenRejected(Kind.CONFLICT, "pass-already-redeemed");
    }

    @Test
    void onlyActivatedDistributedPassesAreUsable() {
        ActorFacts actor = cayenne(LocalDate.of(2026, 1, 1), null);
        OrderTerms quoted = terms(false, new Perimeter(List.of(Territory.GF), List.of()));
        DeciderSpec.of(decider).when(distribute(quoted, BENEFICIARY, DEC_1))
                .thenRejected(Kind.CONFLICT, "order-not-activated");
        DeciderSpec.of(decider).given(distributed()).when(redeem(quoted, actor, DEC_1))
                .thenRejected(Kind.CONFLICT, "order-not-activated");
        DeciderSpec.of(decider).when(redeem(active(), actor, DEC_1))
                .thenRejected(Kind.CONFLICT, "pass-not-distributed");
    }

    @Test
    void theToleranceEndsOnThirtyFirstJanuaryInTheActorsZone() {
        ActorFacts actor = cayenne(LocalDate.of(2026, 1, 1), null);
        // 2027-02-01T02:59Z is 23:59 on 31 January in Cayenne: still accepted
        DeciderSpec.of(decider).given(distributed()).when(redeem(active(), actor,
                Instant.parse("2027-02-01T02:59:00Z"))).then(new PassRedeemed(PASS, ORDER, ACTOR, Territory.GF,
                "97302", LocalDate.of(2027, 1, 31), 1000, null, Instant.parse("2027-02-01T02:59:00Z")));
        DeciderSpec.of(decider).given(distributed()).when(redeem(active(), actor,
                Instant.parse("2027-02-01T03:00:00Z"))).thenRejected(Kind.CONFLICT, "pass-expired");
        DeciderSpec.of(decider).when(distribute(active(), BENEFICIARY, Instant.parse("2027-02-01T04:00:00Z")))
                .thenRejected(Kind.CONFLICT, "pass-expired");
    }

    @Test
    void theActorMustBeInsideThePerimeterAndKnown() {
        OrderTerms onlyKourou = terms(true, new Perimeter(List.of(Territory.GF), List.of("97304")));
        ActorFacts actor = cayenne(LocalDate.of(2026, 1, 1), null);
        DeciderSpec.of(decider).given(distributed()).when(redeem(onlyKourou, actor, DEC_1))
                .thenRejected(Kind.UNPROCESSABLE, "outside-perimeter");
        OrderTerms guadeloupe = terms(true, new Perimeter(List.of(Territory.GP), List.of()));
        DeciderSpec.of(decider).given(distributed()).when(redeem(guadeloupe, actor, DEC_1))
                .thenRejected(Kind.UNPROCESSABLE, "outside-perimeter");
        DeciderSpec.of(decider).given(distributed()).when(redeem(active(), ActorFacts.unknown(ACTOR), DEC_1))
                .thenRejected(Kind.UNPROCESSABLE, "actor-unknown");
    }

    @Test
    void theLabelIsCheckedOnTheRedemptionsDayInTheActorsZone() {
        // the label's last day is 10 December; 2026-12-11T02:30Z is still 23:30 on the 10th in Cayenne
        ActorFacts until10th = cayenne(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 10));
        Instant lastEvening = Instant.parse("2026-12-11T02:30:00Z");
        DeciderSpec.of(decider).given(distributed()).when(redeem(active(), until10th, lastEvening))
                .then(new PassRedeemed(PASS, ORDER, ACTOR, Territory.GF, "97302", LocalDate.of(2026, 12, 10), 1000,
                        null, lastEvening));
        DeciderSpec.of(decider).given(distributed()).when(redeem(active(), until10th,
                Instant.parse("2026-12-11T03:00:00Z"))).thenRejected(Kind.UNPROCESSABLE, "actor-not-labelled");
        ActorFacts notYet = cayenne(LocalDate.of(2026, 12, 2), null);
        DeciderSpec.of(decider).given(distributed()).when(redeem(active(), notYet, DEC_1))
                .thenRejected(Kind.UNPROCESSABLE, "actor-not-labelled");
    }

    @Test
    void aClosedActorRedeemsNothingFromItsClosingDayInItsZone() {
        ActorFacts closedOn5th = new ActorFacts(ACTOR, Territory.GF, "97302",
                List.of(new LabelPeriod(LocalDate.of(2026, 1, 1), null)), LocalDate.of(2026, 12, 5));
        // 2026-12-05T02:30Z is still 23:30 on the 4th in Cayenne: open that day
        Instant eveOfClosure = Instant.parse("2026-12-05T02:30:00Z");
        DeciderSpec.of(decider).given(distributed()).when(redeem(active(), closedOn5th, eveOfClosure))
                .then(new PassRedeemed(PASS, ORDER, ACTOR, Territory.GF, "97302", LocalDate.of(2026, 12, 4), 1000,
                        null, eveOfClosure));
        DeciderSpec.of(decider).given(distributed()).when(redeem(active(), closedOn5th,
                Instant.parse("2026-12-05T03:00:00Z"))).thenRejected(Kind.UNPROCESSABLE, "actor-closed");
    }
}
