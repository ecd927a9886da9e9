package fr.hubag.vouchers.domain;

import fr.hubag.contracts.vouchers.IssuedPass;
import fr.hubag.contracts.vouchers.Perimeter;
import fr.hubag.contracts.vouchers.VoucherEvent.OrderExpired;
import fr.hubag.contracts.vouchers.VoucherEvent.OrderQuoted;
import fr.hubag.domain.Territory;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An order as its events make it: none yet, or quoted (then activated once its mandate is recorded, then expired with
 * its credit note once its tolerance ended).
 */
public sealed interface OrderState {

    record NoOrder() implements OrderState {}

    /**
     * A quoted order, its booklets' passes by booklet number, its mandate reference once activated, and whether its
     * funder allowed distribution in the last 15 days before the validity end, and its expiry (the credit note) once
     * recorded.
     */
    record Order(OrderQuoted quote, Map<Integer, List<IssuedPass>> booklets, String mandateReference,
                 boolean lateDistributionConfirmed, OrderExpired expiry) implements OrderState {

        public Order {
            booklets = Booklets.of(booklets);
        }

        public UUID orderId() { return quote.orderId(); }

        public String funderId() { return quote.funderId(); }

        public Territory territory() { return quote.territory(); }

        public Perimeter perimeter() { return quote.perimeter(); }

        public boolean activated() { return mandateReference != null; }

        public boolean expired() { return expiry != null; }

        /** The booklet (from 1) a pass belongs to, if it is one of this order's. */
        public Optional<Integer> bookletOf(UUID passId) {
            return booklets.entrySet().stream()
                    .filter(b -> b.getValue().stream().anyMatch(p -> p.passId().equals(passId)))
                    .map(Map.Entry::getKey).findFirst();
        }

        /** What a pass's decider needs to know of its order. */
        public OrderTerms terms() {
            return new OrderTerms(orderId(), funderId(), territory(), perimeter(), quote.faceValueCents(),
                    quote.validUntil(), quote.acceptedUntil(), activated(), lateDistributionConfirmed);
        }

        Order withBooklet(int number, List<IssuedPass> passes) {
            return new Order(quote, ((Booklets) booklets).with(number, passes), mandateReference,
                    lateDistributionConfirmed, expiry);
        }

        Order activatedWith(String reference) {
            return new Order(quote, booklets, reference, lateDistributionConfirmed, expiry);
        }

        Order withLateDistributionConfirmed() { return new Order(quote, booklets, mandateReference, true, expiry); }

        Order expiredWith(OrderExpired expired) {
            return new Order(quote, booklets, mandateReference, lateDistributionConfirmed, expired);
        }

        public LocalDate validUntil() { return quote.validUntil(); }
    }
}
