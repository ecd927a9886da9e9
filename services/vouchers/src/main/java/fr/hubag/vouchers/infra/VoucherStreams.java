package fr.hubag.vouchers.infra;

import fr.hubag.contracts.vouchers.VoucherEvent;
import fr.hubag.contracts.vouchers.VoucherEvent.OrderEvent;
import fr.hubag.contracts.vouchers.VoucherEvent.PassEvent;
import fr.hubag.contracts.vouchers.VoucherEvent.RefusalEvent;
import fr.hubag.contracts.vouchers.VoucherEvent.StatementEvent;
import fr.hubag.contracts.vouchers.VoucherEvents;
import fr.hubag.eventsourcing.codec.EventCodec;
import fr.hubag.eventsourcing.command.AggregateType;
import fr.hubag.vouchers.domain.OrderCommand;
import fr.hubag.vouchers.domain.OrderDecider;
import fr.hubag.vouchers.domain.OrderState;
import fr.hubag.vouchers.domain.PassCommand;
import fr.hubag.vouchers.domain.PassDecider;
import fr.hubag.vouchers.domain.PassState;
import fr.hubag.vouchers.domain.RefusalDecider;
import fr.hubag.vouchers.domain.StatementCommand;
import fr.hubag.vouchers.domain.StatementDecider;
import fr.hubag.vouchers.domain.StatementState;

/**
 * How vouchers are stored: an order's stream (type {@code voucher-order}, keyed by the order id, in the perimeter's
 * first territory) and one stream per pass (type {@code voucher-pass}, keyed by the pass id, in its order's territory)
 * — one stream per pass is what makes a redemption unique under contention — one per actor's monthly
 * statement, and one per refused redemption (type {@code voucher-refusal}: refusals never queue behind a pass).
 * Events under their contract names.
 */
public final class VoucherStreams {

    public static final EventCodec<OrderEvent> ORDER_CODEC = EventCodec.of(VoucherEvents.ORDERS,
            OrderEvent::occurredAt);
    public static final EventCodec<PassEvent> PASS_CODEC = EventCodec.of(VoucherEvents.PASSES,
            PassEvent::occurredAt);
    public static final EventCodec<StatementEvent> STATEMENT_CODEC = EventCodec.of(VoucherEvents.STATEMENTS,
            StatementEvent::occurredAt);
    public static final EventCodec<RefusalEvent> REFUSAL_CODEC = EventCodec.of(VoucherEvents.REFUSALS,
            RefusalEvent::occurredAt);
    /** All of them, as a consumer of vouchers.events reads them. */
    public static final EventCodec<VoucherEvent> TOPIC_CODEC = EventCodec.of(VoucherEvents.TOPIC,
            VoucherEvent::occurredAt);

    public static final AggregateType<OrderCommand, OrderEvent, OrderState> ORDER = new AggregateType<>(
            "voucher-order", new OrderDecider(), ORDER_CODEC, state -> switch (state) {
                case OrderState.Order order -> order.territory().name();
                case OrderState.NoOrder none -> null;
            });

    public static final AggregateType<PassCommand, PassEvent, PassState> PASS = new AggregateType<>(
            "voucher-pass", new PassDecider(), PASS_CODEC, state -> switch (state) {
                case PassState.Distributed pass -> pass.territory().name();
                case PassState.Redeemed pass -> pass.territory().name();
                case PassState.Expired pass -> pass.territory().name();
                case PassState.InBooklet none -> null;
            });

    /** An actor's monthly statement (type {@code voucher-statement}, keyed by a statement id of actor and month). */
    public static final AggregateType<StatementCommand, StatementEvent, StatementState> STATEMENT =
            new AggregateType<>("voucher-statement", new StatementDecider(), STATEMENT_CODEC, state -> switch (state) {
                case StatementState.Issued issued -> issued.territory().name();
                case StatementState.NoStatement none -> null;
            });

    /** A refused redemption (type {@code voucher-refusal}, keyed by a time-ordered refusal id). */
    public static final AggregateType<RefusalDecider.Refuse, RefusalEvent, RefusalDecider.Refusal> REFUSAL =
            new AggregateType<>("voucher-refusal", new RefusalDecider(), REFUSAL_CODEC,
                    state -> state.territory() == null ? null : state.territory().name());

    private VoucherStreams() {}
}
