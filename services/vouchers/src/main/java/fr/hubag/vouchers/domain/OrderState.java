package fr.hubag.vouchers.domain;

import fr.hubag.contracts.vouchers.IssuedPass;
import fr.hubag.contracts.vouchers.Perimeter;
import fr.hubag.contracts.vouchers.VoucherEvent.OrderQuoted;
import fr.hubag.domain.Territory;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** An order as its events make it: none yet, or quoted (then activated once its mandate is recorded). */
public sealed interface OrderState {

    record NoOrder() implements OrderState {}

    /** A quoted order, its booklets' passes by booklet number, and its mandate reference once activated. */
    record Order(OrderQuoted quote, Map<Integer, List<IssuedPass>> booklets, String mandateReference)
            implements OrderState {

        public Order {
            booklets = java.util.Collections.unmodifiableMap(new TreeMap<>(booklets));
        }

        public UUID orderId() { return quote.orderId(); }

        public String funderId() { return quote.funderId(); }

        public Territory territory() { return quote.territory(); }

        public Perimeter perimeter() { return quote.perimeter(); }

        public boolean activated() { return mandateReference != null; }

        /** The booklet (from 1) a pass belongs to, if it is one of this order's. */
        public Optional<Integer> bookletOf(UUID passId) {
            return booklets.entrySet().stream()
                    .filter(b -> b.getValue().stream().anyMatch(p -> p.passId().equals(passId)))
                    .map(Map.Entry::getKey).findFirst();
        }

        /** What a pass's decider needs to know of its order. */
        public OrderTerms terms() {
            return new OrderTerms(orderId(), funderId(), territory(), perimeter(), quote.faceValueCents(),
                    quote.validUntil(), quote.acceptedUntil(), activated());
        }

        Order withBooklet(int number, List<IssuedPass> passes) {
            Map<Integer, List<IssuedPass>> all = new TreeMap<>(booklets);
            all.put(number, passes);
            return new Order(quote, all, mandateReference);
        }

        Order activatedWith(String reference) { return new Order(quote, booklets, reference); }

        public LocalDate validUntil() { return quote.validUntil(); }
    }
}
