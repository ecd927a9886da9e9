package fr.hubag.vouchers.domain;

import fr.hubag.contracts.vouchers.IssuedPass;
import fr.hubag.contracts.vouchers.Perimeter;
import fr.hubag.contracts.vouchers.Reconciliation;
import fr.hubag.contracts.vouchers.Reconciliation.Tally;
import fr.hubag.contracts.vouchers.VoucherEvent.LateDistributionConfirmed;
import fr.hubag.contracts.vouchers.VoucherEvent.OrderActivated;
import fr.hubag.contracts.vouchers.VoucherEvent.OrderEvent;
import fr.hubag.contracts.vouchers.VoucherEvent.OrderExpired;
import fr.hubag.contracts.vouchers.VoucherEvent.OrderQuoted;
import fr.hubag.contracts.vouchers.VoucherEvent.PassesIssued;
import fr.hubag.domain.CommandRejected;
import fr.hubag.domain.Decider;
import fr.hubag.domain.Territory;
import fr.hubag.vouchers.domain.OrderCommand.ActivateOrder;
import fr.hubag.vouchers.domain.OrderCommand.ConfirmLateDistribution;
import fr.hubag.vouchers.domain.OrderCommand.ExpireOrder;
import fr.hubag.vouchers.domain.OrderCommand.QuoteOrder;
import fr.hubag.vouchers.domain.OrderState.NoOrder;
import fr.hubag.vouchers.domain.OrderState.Order;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * The rules of an order: quoted once (booklets, passes, face value, the 4 % fee in cents, a validity in the
 * territory's calendar), then activated once its payment mandate is recorded — only then are its passes usable, so
 * that no pass circulates whose value is not in the account. At the end of the tolerance it expires once, with the
 * funder's credit note at face value of the passes never redeemed and a reconciliation that must add up to the cent.
 */
public final class OrderDecider implements Decider<OrderCommand, OrderEvent, OrderState> {

    static final int MAX_BOOKLETS = 1_000;
    static final int MAX_PASSES_PER_BOOKLET = 100;
    /** Every redemption reads its order: an order's stream stays a few hundred kilobytes at most. */
    static final int MAX_PASSES = 10_000;
    static final long MAX_FACE_VALUE_CENTS = 100_000;

    @Override
    public OrderState initialState() {
        return new NoOrder();
    }

    @Override
    public List<OrderEvent> decide(OrderCommand command, OrderState state) {
        return switch (command) {
            case QuoteOrder quote -> quote(quote, state);
            case ActivateOrder activate -> activate(activate, order(state, activate));
            case ConfirmLateDistribution confirm -> order(state, confirm).lateDistributionConfirmed() ? List.of()
                    : List.of(new LateDistributionConfirmed(confirm.orderId(), confirm.confirmedBy(), confirm.at()));
            case ExpireOrder expire -> expire(expire, order(state, expire));
        };
    }

    @Override
    public OrderState evolve(OrderState state, OrderEvent event) {
        return switch (event) {
            case OrderQuoted quoted -> new Order(quoted, Map.of(), null, false, null);
            case PassesIssued issued -> state instanceof Order order
                    ? order.withBooklet(issued.booklet(), issued.passes()) : state;
            case OrderActivated activated -> state instanceof Order order
                    ? order.activatedWith(activated.mandateReference()) : state;
            case LateDistributionConfirmed confirmed -> state instanceof Order order
                    ? order.withLateDistributionConfirmed() : state;
            case OrderExpired expired -> state instanceof Order order ? order.expiredWith(expired) : state;
        };
    }

    private static List<OrderEvent> quote(QuoteOrder command, OrderState state) {
        if (!(state instanceof NoOrder)) {
            throw CommandRejected.conflict("order-already-quoted", "order " + command.orderId() + " exists already");
        }
        Territory territory = checkPerimeter(command.perimeter());
        checkQuantities(command);
        LocalDate orderedOn = command.at().atZone(territory.zone()).toLocalDate();
        LocalDate validUntil = command.validUntil() == null ? Fees.defaultValidUntil(orderedOn) : command.validUntil();
        if (validUntil.isBefore(orderedOn)) {
            throw CommandRejected.unprocessable("validity-in-the-past", "validUntil",
                    "the validity end " + validUntil + " is before the order's date " + orderedOn);
        }
        if (validUntil.isAfter(LocalDate.of(orderedOn.getYear() + 1, 12, 31))) {
            throw CommandRejected.unprocessable("validity-too-long", "validUntil",
                    "passes are valid until the end of next year at the latest");
        }
        long faceTotal = Math.multiplyExact((long) command.booklets() * command.passesPerBooklet(),
                command.faceValueCents());
        long fee = Fees.fee(faceTotal, Fees.FEE_BASIS_POINTS);
        List<OrderEvent> events = new ArrayList<>();
        events.add(new OrderQuoted(command.orderId(), command.funderId(), territory, command.perimeter(),
                command.booklets(), command.passesPerBooklet(), command.faceValueCents(), faceTotal,
                Fees.FEE_BASIS_POINTS, fee, faceTotal + fee, validUntil, Fees.acceptedUntil(validUntil),
                command.programmeId(), command.distributors(), command.at()));
        for (int i = 0; i < command.issued().size(); i++) {
            events.add(new PassesIssued(command.orderId(), i + 1, command.issued().get(i), command.at()));
        }
        return events;
    }

    /** The perimeter's territories (at least one, no repeat) and communes (each of one of them); the first leads. */
    private static Territory checkPerimeter(Perimeter perimeter) {
        if (perimeter.territories().isEmpty()) {
            throw CommandRejected.unprocessable("perimeter-empty", "perimeter.territories",
                    "an order names at least one territory");
        }
        if (new HashSet<>(perimeter.territories()).size() < perimeter.territories().size()) {
            throw CommandRejected.unprocessable("territory-repeated", "perimeter.territories",
                    "a territory is named twice");
        }
        for (String commune : perimeter.communes()) {
            if (Territory.ofInseeCode(commune).filter(perimeter.territories()::contains).isEmpty()) {
                throw CommandRejected.unprocessable("commune-outside-perimeter", "perimeter.communes",
                        "INSEE code " + commune + " is not a commune of " + perimeter.territories());
            }
        }
        return perimeter.territories().get(0);
    }

    private static void checkQuantities(QuoteOrder command) {
        if (command.booklets() < 1 || command.booklets() > MAX_BOOKLETS) {
            throw CommandRejected.unprocessable("invalid-booklets", "booklets",
                    "an order has 1 to " + MAX_BOOKLETS + " booklets");
        }
        if (command.passesPerBooklet() < 1 || command.passesPerBooklet() > MAX_PASSES_PER_BOOKLET) {
            throw CommandRejected.unprocessable("invalid-passes-per-booklet", "passesPerBooklet",
                    "a booklet has 1 to " + MAX_PASSES_PER_BOOKLET + " passes");
        }
        if ((long) command.booklets() * command.passesPerBooklet() > MAX_PASSES) {
            throw CommandRejected.unprocessable("order-too-large", "booklets",
                    "an order has at most " + MAX_PASSES + " passes: split it");
        }
        if (command.faceValueCents() < 1 || command.faceValueCents() > MAX_FACE_VALUE_CENTS) {
            throw CommandRejected.unprocessable("invalid-face-value", "faceValueCents",
                    "a pass is worth 1 to " + MAX_FACE_VALUE_CENTS + " cents");
        }
        boolean issuedMatches = command.issued().size() == command.booklets()
                && command.issued().stream().allMatch(b -> b.size() == command.passesPerBooklet());
        if (!issuedMatches) {
            throw new IllegalArgumentException("the passes drawn do not match the booklets ordered");
        }
        long distinct = command.issued().stream().flatMap(List::stream).map(IssuedPass::passId).distinct().count();
        if (distinct != (long) command.booklets() * command.passesPerBooklet()) {
            throw new IllegalArgumentException("a pass id was drawn twice");
        }
    }

    private static List<OrderEvent> activate(ActivateOrder command, Order order) {
        if (order.activated()) {
            if (order.mandateReference().equals(command.mandateReference())) {
                return List.of();
            }
            throw CommandRejected.conflict("order-already-activated", "order " + order.orderId()
                    + " was activated with another mandate reference");
        }
        return List.of(new OrderActivated(order.orderId(), command.mandateReference(), command.at()));
    }

    /**
     * The credit note: the face value of the passes never redeemed. The fee is not credited: it paid for issuing and
     * running every pass ordered (codes, booklets, distribution, checks), work done whether a pass was used or not,
     * and the brief refunds "at face value". Refused unless every pass is accounted for, to the cent.
     */
    private static List<OrderEvent> expire(ExpireOrder command, Order order) {
        if (order.expired()) {
            return List.of();
        }
        if (!order.activated()) {
            throw CommandRejected.conflict("order-not-activated", "order " + order.orderId()
                    + " was never activated: nothing was paid, nothing is credited");
        }
        if (command.at().isBefore(order.terms().toleranceEnd())) {
            throw CommandRejected.conflict("order-not-expired", "order " + order.orderId() + " is accepted until "
                    + order.quote().acceptedUntil());
        }
        OrderQuoted q = order.quote();
        PassTallies t = command.tallies();
        long face = q.faceValueCents();
        Tally expired = new Tally(t.expired(), t.expiredCents());
        long feeCredited = 0;
        Reconciliation reconciliation = new Reconciliation(
                new Tally((long) q.booklets() * q.passesPerBooklet(), q.faceTotalCents()),
                new Tally(t.distributed(), t.distributed() * face), new Tally(t.redeemed(), t.redeemedCents()),
                expired, new Tally(t.expiredUndistributed(), t.expiredUndistributed() * face), q.feeCents(),
                feeCredited, q.totalCents(), expired.cents() + feeCredited);
        if (!reconciliation.addsUp() || t.expiredCents() != t.expired() * face) {
            throw CommandRejected.conflict("reconciliation-does-not-add-up", "order " + order.orderId()
                    + ": not every pass is redeemed or expired yet, or the amounts disagree: " + reconciliation);
        }
        return List.of(new OrderExpired(q.orderId(), q.funderId(), q.territory(), q.acceptedUntil(), reconciliation,
                command.at()));
    }

    static Order order(OrderState state, OrderCommand command) {
        return switch (state) {
            case Order order -> order;
            case NoOrder none -> throw CommandRejected.notFound("order-not-found", "no order " + command.orderId());
        };
    }
}
