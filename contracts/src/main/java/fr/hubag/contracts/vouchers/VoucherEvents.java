package fr.hubag.contracts.vouchers;

import fr.hubag.contracts.vouchers.VoucherEvent.LateDistributionConfirmed;
import fr.hubag.contracts.vouchers.VoucherEvent.OrderActivated;
import fr.hubag.contracts.vouchers.VoucherEvent.OrderEvent;
import fr.hubag.contracts.vouchers.VoucherEvent.OrderExpired;
import fr.hubag.contracts.vouchers.VoucherEvent.OrderQuoted;
import fr.hubag.contracts.vouchers.VoucherEvent.PassDistributed;
import fr.hubag.contracts.vouchers.VoucherEvent.PassEvent;
import fr.hubag.contracts.vouchers.VoucherEvent.PassExpired;
import fr.hubag.contracts.vouchers.VoucherEvent.PassRedeemed;
import fr.hubag.contracts.vouchers.VoucherEvent.PassesIssued;
import fr.hubag.contracts.vouchers.VoucherEvent.RedemptionRefused;
import fr.hubag.contracts.vouchers.VoucherEvent.RefusalEvent;
import fr.hubag.contracts.vouchers.VoucherEvent.StatementEvent;
import fr.hubag.contracts.vouchers.VoucherEvent.StatementIssued;
import fr.hubag.contracts.vouchers.VoucherEvent.StatementPaid;
import fr.hubag.domain.EventCatalogue;

/**
 * What is on the topic {@code vouchers.events}: each type under its contract name (= the schema file's name) and
 * current version. {@link #ORDERS}, {@link #PASSES}, {@link #STATEMENTS} and {@link #REFUSALS} are the streams'
 * catalogues (the vouchers service stores with them); {@link #TOPIC} is all of them, for consumers of the topic.
 */
public final class VoucherEvents {

    public static final EventCatalogue<OrderEvent> ORDERS = EventCatalogue.of(OrderEvent.class)
            .event("OrderQuoted", 1, OrderQuoted.class)
            .event("PassesIssued", 1, PassesIssued.class)
            .event("OrderActivated", 1, OrderActivated.class)
            .event("LateDistributionConfirmed", 1, LateDistributionConfirmed.class)
            .event("OrderExpired", 1, OrderExpired.class)
            .build();

    public static final EventCatalogue<PassEvent> PASSES = EventCatalogue.of(PassEvent.class)
            .event("PassDistributed", 1, PassDistributed.class)
            .event("PassRedeemed", 1, PassRedeemed.class)
            .event("PassExpired", 1, PassExpired.class)
            .build();

    /** An actor's monthly statement (settlement). */
    public static final EventCatalogue<StatementEvent> STATEMENTS = EventCatalogue.of(StatementEvent.class)
            .event("StatementIssued", 1, StatementIssued.class)
            .event("StatementPaid", 1, StatementPaid.class)
            .build();

    /** A refused redemption, one stream each. */
    public static final EventCatalogue<RefusalEvent> REFUSALS = EventCatalogue.of(RefusalEvent.class)
            .event("RedemptionRefused", 1, RedemptionRefused.class)
            .build();

    public static final EventCatalogue<VoucherEvent> TOPIC = EventCatalogue.of(VoucherEvent.class)
            .event("OrderQuoted", 1, OrderQuoted.class)
            .event("PassesIssued", 1, PassesIssued.class)
            .event("OrderActivated", 1, OrderActivated.class)
            .event("LateDistributionConfirmed", 1, LateDistributionConfirmed.class)
            .event("PassDistributed", 1, PassDistributed.class)
            .event("PassRedeemed", 1, PassRedeemed.class)
            .event("StatementIssued", 1, StatementIssued.class)
            .event("StatementPaid", 1, StatementPaid.class)
            .event("OrderExpired", 1, OrderExpired.class)
            .event("PassExpired", 1, PassExpired.class)
            .event("RedemptionRefused", 1, RedemptionRefused.class)
            .build();

    private VoucherEvents() {}
}
