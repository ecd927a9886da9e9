package fr.hubag.vouchers.domain;

import fr.hubag.contracts.vouchers.Perimeter;
import fr.hubag.contracts.vouchers.Reconciliation;
import fr.hubag.contracts.vouchers.Reconciliation.Tally;
import fr.hubag.contracts.vouchers.VoucherEvent.OrderActivated;
import fr.hubag.contracts.vouchers.VoucherEvent.OrderEvent;
import fr.hubag.contracts.vouchers.VoucherEvent.OrderExpired;
import fr.hubag.contracts.vouchers.VoucherEvent.PassExpired;
import fr.hubag.contracts.vouchers.VoucherEvent.PassRedeemed;
import fr.hubag.domain.CommandRejected.Kind;
import fr.hubag.domain.Territory;
import fr.hubag.testing.DeciderSpec;
import fr.hubag.vouchers.domain.OrderCommand.ExpireOrder;
import fr.hubag.vouchers.domain.PassCommand.Expire;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static fr.hubag.vouchers.domain.PassDeciderTest.ACTOR;
import static fr.hubag.vouchers.domain.PassDeciderTest.BENEFICIARY;
import static fr.hubag.vouchers.domain.PassDeciderTest.ORDER;
import static fr.hubag.vouchers.domain.PassDeciderTest.PASS;
import static fr.hubag.vouchers.domain.PassDeciderTest.cayenne;
import static fr.hubag.vouchers.domain.PassDeciderTest.distribute;
import static fr.hubag.vouchers.domain.PassDeciderTest.distributed;
import static fr.hubag.vouchers.domain.PassDeciderTest.redeem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Expiry given / when / then: a pass not redeemed expires once, after the tolerance has ended in every zone of the
 * perimeter; a redeemed pass stays redeemed and an expired one can no longer be redeemed nor handed out; the order's
 * credit note is the face value of the passes never redeemed, the fee kept, and it adds up to the cent or is refused.
 */
class ExpiryDeciderTest {

    /** 31 January 2027 ends at 03:00 UTC in Cayenne (UTC-3) and at 04:00 UTC in Martinique (UTC-4). */
    static final Instant END_IN_CAYENNE = Instant.parse("2027-02-01T03:00:00Z");
    static final Instant END_IN_MARTINIQUE = Instant.parse("2027-02-01T04:00:00Z");
    static final LocalDate ACCEPTED_UNTIL = LocalDate.of(2027, 1, 31);

    private final PassDecider passes = new PassDecider();
    private final OrderDecider orders = new OrderDecider();

    /** An order of Cayenne (GF) whose perimeter also covers Martinique, where the day ends an hour later. */
    static OrderTerms gfAndMq() {
        return PassDeciderTest.active();
    }

    static OrderTerms gfOnly() {
        return PassDeciderTest.terms(true, new Perimeter(List.of(Territory.GF), List.of()));
    }

    static PassExpired expired(boolean distributed, Instant at) {
        return new PassExpired(PASS, ORDER, Territory.GF, 1, distributed, 1000, ACCEPTED_UNTIL, at);
    }

    @Test
    void aPassExpiresOnceWhenTheToleranceHasEndedInEveryZoneOfThePerimeter() {
        assertThat(gfOnly().toleranceEnd()).isEqualTo(END_IN_CAYENNE);
        assertThat(gfAndMq().toleranceEnd()).isEqualTo(END_IN_MARTINIQUE);
        DeciderSpec.of(passes).given(distributed()).when(new Expire(PASS, gfOnly(), 1, END_IN_CAYENNE))
                .then(expired(true, END_IN_CAYENNE));
        // Martinique's 31 January is not over yet: a redemption there is still accepted
        DeciderSpec.of(passes).given(distributed()).when(new Expire(PASS, gfAndMq(), 1, END_IN_CAYENNE))
                .thenRejected(Kind.CONFLICT, "pass-not-expired");
        DeciderSpec.of(passes).given(distributed()).when(new Expire(PASS, gfAndMq(), 1, END_IN_MARTINIQUE))
                .then(expired(true, END_IN_MARTINIQUE));
        // never handed out: expires too (its stream starts with the expiry)
        DeciderSpec.of(passes).when(new Expire(PASS, gfOnly(), 1, END_IN_CAYENNE)).then(expired(false, END_IN_CAYENNE));
        DeciderSpec.of(passes).given(distributed(), expired(true, END_IN_CAYENNE))
                .when(new Expire(PASS, gfOnly(), 1, END_IN_CAYENNE.plusSeconds(86_400))).then();
    }

    @Test
    void aPassRedeemedOnTheLastAcceptedDayIsNeverAlsoExpiredAndAnExpiredPassIsNeverRedeemed() {
        Instant lastEvening = Instant.parse("2027-02-01T02:30:00Z"); // 23:30 on 31 January in Cayenne
        ActorFacts actor = cayenne(LocalDate.of(2026, 1, 1), null);
        PassRedeemed redeemed = new PassRedeemed(PASS, ORDER, ACTOR, Territory.GF, "97302", ACCEPTED_UNTIL, 1000,
                null, lastEvening);
        DeciderSpec.of(passes).given(distributed()).when(redeem(gfOnly(), actor, lastEvening)).then(redeemed);
        DeciderSpec.of(passes).given(distributed(), redeemed).when(new Expire(PASS, gfOnly(), 1, END_IN_CAYENNE))
                .then();
        // the other order of the race: the expiry's append won, the redemption is decided again on the expired pass
        DeciderSpec.of(passes).given(distributed(), expired(true, END_IN_CAYENNE))
                .when(redeem(gfOnly(), actor, lastEvening)).thenRejected(Kind.CONFLICT, "pass-expired");
        DeciderSpec.of(passes).given(expired(false, END_IN_CAYENNE))
                .when(distribute(gfOnly(), BENEFICIARY, lastEvening)).thenRejected(Kind.CONFLICT, "pass-expired");
    }

    /** An activated order of 2 booklets of 5 passes of 12.34 €: 123.40 € face, 4.94 € fee (4.936), 128.34 € paid. */
    private OrderEvent[] activatedOrder() {
        Instant at = Instant.parse("2026-03-02T15:00:00Z");
        List<OrderEvent> quoted = orders.decide(OrderDeciderTest.quote(new Perimeter(List.of(Territory.GF),
                List.of()), 2, 5, 1234, LocalDate.of(2026, 12, 31), at), orders.initialState());
        List<OrderEvent> all = new java.util.ArrayList<>(quoted);
        all.add(new OrderActivated(ORDER, "SEPA-1", at));
        return all.toArray(OrderEvent[]::new);
    }

    @Test
    void theCreditNoteIsTheFaceValueOfThePassesNeverRedeemedAndAddsUpToTheCent() {
        // 7 handed out, 4 redeemed; 6 expire, 3 of them never handed out
        PassTallies tallies = new PassTallies(7, 4, 4 * 1234, 6, 6 * 1234, 3);
        Reconciliation expected = new Reconciliation(new Tally(10, 12_340), new Tally(7, 8_638), new Tally(4, 4_936),
                new Tally(6, 7_404), new Tally(3, 3_702), 494, 0, 12_834, 7_404);
        assertThat(expected.addsUp()).isTrue();
        OrderState.Order order = (OrderState.Order) DeciderSpec.of(orders).given(activatedOrder())
                .when(new ExpireOrder(ORDER, tallies, END_IN_CAYENNE))
                .then(new OrderExpired(ORDER, "caf-972", Territory.GF, ACCEPTED_UNTIL, expected, END_IN_CAYENNE));
        assertThat(order.expired()).isTrue();
        // paid 128.34 € = 49.36 € redeemed + 74.04 € credited + 4.94 € fee kept
        assertThat(expected.redeemed().cents() + expected.creditedCents() + expected.feeCents())
                .isEqualTo(expected.paidCents());

        DeciderSpec.of(orders).given(activatedOrder()).given(new OrderExpired(ORDER, "caf-972", Territory.GF,
                ACCEPTED_UNTIL, expected, END_IN_CAYENNE)).when(new ExpireOrder(ORDER, tallies, END_IN_CAYENNE))
                .then();
    }

    @Test
    void aCreditNoteThatDoesNotAddUpOrComesTooEarlyIsRefused() {
        // one pass neither redeemed nor expired yet
        DeciderSpec.of(orders).given(activatedOrder())
                .when(new ExpireOrder(ORDER, new PassTallies(7, 4, 4 * 1234, 5, 5 * 1234, 3), END_IN_CAYENNE))
                .thenRejected(Kind.CONFLICT, "reconciliation-does-not-add-up");
        // a cent off
        DeciderSpec.of(orders).given(activatedOrder())
                .when(new ExpireOrder(ORDER, new PassTallies(7, 4, 4 * 1234 - 1, 6, 6 * 1234, 3), END_IN_CAYENNE))
                .thenRejected(Kind.CONFLICT, "reconciliation-does-not-add-up");
        DeciderSpec.of(orders).given(activatedOrder())
                .when(new ExpireOrder(ORDER, new PassTallies(7, 4, 4 * 1234, 6, 6 * 1234, 3),
                        END_IN_CAYENNE.minusSeconds(1)))
                .thenRejected(Kind.CONFLICT, "order-not-expired");
        OrderEvent[] quotedOnly = java.util.Arrays.copyOf(activatedOrder(), 3);
        DeciderSpec.of(orders).given(quotedOnly)
                .when(new ExpireOrder(ORDER, new PassTallies(0, 0, 0, 10, 12_340, 10), END_IN_CAYENNE))
                .thenRejected(Kind.CONFLICT, "order-not-activated");
    }
}
