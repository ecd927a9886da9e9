package fr.hubag.vouchers.domain;

import fr.hubag.contracts.vouchers.IssuedPass;
import fr.hubag.contracts.vouchers.Perimeter;
import fr.hubag.contracts.vouchers.VoucherEvent.OrderActivated;
import fr.hubag.contracts.vouchers.VoucherEvent.OrderEvent;
import fr.hubag.contracts.vouchers.VoucherEvent.OrderQuoted;
import fr.hubag.contracts.vouchers.VoucherEvent.PassesIssued;
import fr.hubag.domain.CommandRejected.Kind;
import fr.hubag.domain.Territory;
import fr.hubag.testing.DeciderSpec;
import fr.hubag.vouchers.domain.OrderCommand.ActivateOrder;
import fr.hubag.vouchers.domain.OrderCommand.QuoteOrder;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An order given / when / then: the quote's amounts in cents, the validity in the territory's calendar, activation. */
class OrderDeciderTest {

    static final UUID ORDER = UUID.fromString("5b0e3f8a-2c4d-4e1f-9a7b-6c8d0e2f4a11");
    /** 2026-12-31 23:30 in Martinique (UTC-4) is already 2027 in UTC. */
    static final Instant NEW_YEARS_EVE_MQ = Instant.parse("2027-01-01T03:30:00Z");

    private final OrderDecider decider = new OrderDecider();

    static List<List<IssuedPass>> passes(int booklets, int perBooklet) {
        List<List<IssuedPass>> all = new ArrayList<>();
        for (int b = 0; b < booklets; b++) {
            List<IssuedPass> booklet = new ArrayList<>();
            for (int p = 0; p < perBooklet; p++) {
                booklet.add(new IssuedPass(UUID.randomUUID(), "h".repeat(43)));
            }
            all.add(booklet);
        }
        return all;
    }

    static QuoteOrder quote(Perimeter perimeter, int booklets, int perBooklet, long face, LocalDate validUntil,
                            Instant at) {
        return new QuoteOrder(ORDER, "caf-972", perimeter, booklets, perBooklet, face, validUntil, null,
                List.of("ccas-fdf"), passes(booklets, perBooklet), at);
    }

    static Perimeter mq() { return new Perimeter(List.of(Territory.MQ), List.of()); }

    @Test
    void aQuoteComputesTheFourPercentFeeInCentsAndTheDefaultValidityInTheTerritorysYear() {
        QuoteOrder quote = quote(mq(), 10, 10, 1000, null, NEW_YEARS_EVE_MQ);
        List<OrderEvent> events = decider.decide(quote, decider.initialState());
        OrderQuoted quoted = (OrderQuoted) events.get(0);
        assertThat(quoted.faceTotalCents()).isEqualTo(100_000);
        assertThat(quoted.feeCents()).isEqualTo(4_000);
        assertThat(quoted.totalCents()).isEqualTo(104_000);
        // ordered on 31 December in Fort-de-France: valid until that day, accepted until 31 January after
        assertThat(quoted.validUntil()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(quoted.acceptedUntil()).isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(quoted.territory()).isEqualTo(Territory.MQ);
        assertThat(events).hasSize(11);
        assertThat(events.subList(1, 11)).allSatisfy(e -> assertThat(e).isInstanceOf(PassesIssued.class));
        assertThat(((PassesIssued) events.get(10)).booklet()).isEqualTo(10);
    }

    @Test
    void theFeeIsRoundedToTheNearestCentHalvesUp() {
        assertThat(Fees.fee(3_702, 400)).isEqualTo(148);   // 148.08
        assertThat(Fees.fee(3_712, 400)).isEqualTo(148);   // 148.48
        assertThat(Fees.fee(3_713, 400)).isEqualTo(149);   // 148.52
        assertThat(Fees.fee(125, 400)).isEqualTo(5);      // 5.00
        assertThat(Fees.fee(13, 400)).isEqualTo(1);       // 0.52
        assertThat(Fees.fee(12, 400)).isEqualTo(0);       // 0.48
        assertThat(Fees.fee(25, 200)).isEqualTo(1);        // 0.5, a half: up
    }

    @Test
    void theSameInstantIsAnotherYearInAnotherZoneOnlyIfItsLocalDateIs() {
        Perimeter gf = new Perimeter(List.of(Territory.GF), List.of("97302"));
        // 2027-01-01T02:30Z is 23:30 on 31 December in Cayenne (UTC-3): still 2026 there
        OrderQuoted quoted = (OrderQuoted) decider.decide(quote(gf, 1, 3, 1234, null,
                Instant.parse("2027-01-01T02:30:00Z")), decider.initialState()).get(0);
        assertThat(quoted.validUntil()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(quoted.faceTotalCents()).isEqualTo(3_702);
        assertThat(quoted.feeCents()).isEqualTo(148);
        OrderQuoted later = (OrderQuoted) decider.decide(quote(gf, 1, 3, 1234, null,
                Instant.parse("2027-01-01T03:30:00Z")), decider.initialState()).get(0);
        assertThat(later.validUntil()).isEqualTo(LocalDate.of(2027, 12, 31));
    }

    @Test
    void aQuoteIsRefusedForABadPerimeterOrQuantityOrValidity() {
        Instant at = Instant.parse("2026-11-27T15:00:00Z");
        reject(quote(new Perimeter(List.of(), List.of()), 1, 10, 1000, null, at), "perimeter-empty");
        reject(quote(new Perimeter(List.of(Territory.MQ, Territory.MQ), List.of()), 1, 10, 1000, null, at),
                "territory-repeated");
        reject(quote(new Perimeter(List.of(Territory.MQ), List.of("97302")), 1, 10, 1000, null, at),
                "commune-outside-perimeter");
        reject(quote(mq(), 101, 100, 1000, null, at), "order-too-large");
        reject(quote(mq(), 1, 101, 1000, null, at), "invalid-passes-per-booklet");
        reject(quote(mq(), 1, 10, 0, null, at), "invalid-face-value");
        reject(quote(mq(), 1, 10, 1000, LocalDate.of(2026, 11, 26), at), "validity-in-the-past");
        reject(quote(mq(), 1, 10, 1000, LocalDate.of(2028, 1, 1), at), "validity-too-long");
    }

    private void reject(QuoteOrder quote, String code) {
        DeciderSpec.of(decider).when(quote).thenRejected(Kind.UNPROCESSABLE, code);
    }

    @Test
    void anOrderIsActivatedOnceByItsMandateReference() {
        Instant at = Instant.parse("2026-11-27T15:00:00Z");
        List<OrderEvent> quoted = decider.decide(quote(mq(), 1, 2, 1000, null, at), decider.initialState());
        OrderEvent[] history = quoted.toArray(OrderEvent[]::new);
        OrderState.Order order = (OrderState.Order) DeciderSpec.of(decider).given(history)
                .when(new ActivateOrder(ORDER, "SEPA-42", at))
                .then(new OrderActivated(ORDER, "SEPA-42", at));
        assertThat(order.activated()).isTrue();
        assertThat(order.terms().activated()).isTrue();
        assertThat(order.bookletOf(((PassesIssued) quoted.get(1)).passes().get(1).passId())).contains(1);

        DeciderSpec.of(decider).given(history).given(new OrderActivated(ORDER, "SEPA-42", at))
                .when(new ActivateOrder(ORDER, "SEPA-42", at)).then();
        DeciderSpec.of(decider).given(history).given(new OrderActivated(ORDER, "SEPA-42", at))
                .when(new ActivateOrder(ORDER, "SEPA-43", at)).thenRejected(Kind.CONFLICT, "order-already-activated");
        DeciderSpec.of(decider).when(new ActivateOrder(ORDER, "SEPA-42", at))
                .thenRejected(Kind.NOT_FOUND, "order-not-found");
        DeciderSpec.of(decider).given(history).when(quote(mq(), 1, 2, 1000, null, at))
                .thenRejected(Kind.CONFLICT, "order-already-quoted");
    }
}
