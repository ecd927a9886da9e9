package fr.hubag.vouchers.application;

import fr.hubag.contracts.vouchers.VoucherEvent.OrderExpired;
import fr.hubag.domain.CommandRejected;
import fr.hubag.servicekit.security.Caller;
import fr.hubag.vouchers.domain.OrderState;
import fr.hubag.vouchers.domain.ValidityAlerts;
import fr.hubag.vouchers.infra.OrderLedger;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * What a funder is told about the end of its orders: the alerts from 30 days before the validity end, and the credit
 * note once an order expired. Its funder, the coordinators of its territories and hub admins read them.
 */
@ApplicationScoped
public class FunderNotices {

    /** Around today in UTC, wide enough for every zone's today and the month of tolerance after the validity end. */
    private static final int DAYS_AFTER_VALIDITY = 32;

    private final Caller caller;
    private final OrderBook orders;
    private final OrderLedger ledger;

    public FunderNotices(Caller caller, OrderBook orders, OrderLedger ledger) {
        this.caller = caller;
        this.orders = orders;
        this.ledger = ledger;
    }

    /** The order's credit note: 404 before the order expired. */
    public Uni<OrderExpired> creditNote(UUID orderId) {
        return orders.load(orderId).map(loaded -> {
            if (!(loaded.state() instanceof OrderState.Order order)) {
                throw CommandRejected.notFound("order-not-found", "no order " + orderId);
            }
            VoucherAccess.requireMayReadCreditNote(caller, order);
            if (!order.expired()) {
                throw CommandRejected.notFound("credit-note-not-issued", "order " + orderId + "'s passes are "
                        + "accepted until " + order.quote().acceptedUntil() + "; its credit note is issued after");
            }
            return order.expiry();
        });
    }

    /** The latest 500 credit notes the caller may see (of {@code funderId} when given), newest first. */
    public Uni<List<OrderExpired>> creditNotes(String funderId) {
        String funder = VoucherAccess.alertsFunder(caller, funderId);
        return ledger.creditNotes(funder, 500).map(notes -> notes.stream()
                .filter(note -> VoucherAccess.seesTerritoryOf(caller, note.perimeter()))
                .map(OrderLedger.CreditNote::expiry).toList());
    }

    /** Alerts at {@code now} of the orders the caller may see (of {@code funderId} when given), soonest first. */
    public Uni<List<ValidityAlerts.Alert>> alerts(String funderId, Instant now) {
        String funder = VoucherAccess.alertsFunder(caller, funderId);
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        return ledger.validUntilBetween(funder, today.minusDays(DAYS_AFTER_VALIDITY),
                        today.plusDays(ValidityAlerts.DAYS_BEFORE + 1))
                .flatMap(candidates -> {
                    List<OrderLedger.QuotedOrder> open = candidates.stream()
                            .filter(o -> o.activated() && !o.expired())
                            .filter(o -> VoucherAccess.seesTerritoryOf(caller, o.quote().perimeter().territories()))
                            .toList();
                    if (open.isEmpty()) {
                        return Uni.createFrom().item(List.<ValidityAlerts.Alert>of());
                    }
                    return ledger.tallies(open.stream().map(o -> o.quote().orderId()).toList())
                            .map(tallies -> open.stream()
                                    .flatMap(o -> ValidityAlerts.of(o.quote(), tallies.get(o.quote().orderId()), now)
                                            .stream())
                                    .toList());
                });
    }
}
