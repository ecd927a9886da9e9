package fr.hubag.projection.vouchers.projector;

import fr.hubag.contracts.vouchers.VoucherEvent;
import fr.hubag.contracts.vouchers.VoucherEvent.LateDistributionConfirmed;
import fr.hubag.contracts.vouchers.VoucherEvent.OrderActivated;
import fr.hubag.contracts.vouchers.VoucherEvent.OrderExpired;
import fr.hubag.contracts.vouchers.VoucherEvent.OrderQuoted;
import fr.hubag.contracts.vouchers.VoucherEvent.PassDistributed;
import fr.hubag.contracts.vouchers.VoucherEvent.PassExpired;
import fr.hubag.contracts.vouchers.VoucherEvent.PassRedeemed;
import fr.hubag.contracts.vouchers.VoucherEvent.RedemptionRefused;
import fr.hubag.contracts.vouchers.VoucherEvent.StatementIssued;
import fr.hubag.contracts.vouchers.VoucherEvent.StatementPaid;
import fr.hubag.contracts.vouchers.VoucherEvents;
import fr.hubag.eventsourcing.codec.EventCodec;
import fr.hubag.eventsourcing.consumer.ConsumedEvent;
import fr.hubag.projection.shared.batch.ScopedReadModel;
import fr.hubag.projection.shared.batch.Statement;
import fr.hubag.projection.shared.rebuild.Generations;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;
import java.util.function.Function;

/**
 * Builds the vouchers read models of each territory and the hub-wide ones from {@code vouchers.events}: the orders
 * (per funder), the ledger per order and territory (with expired passes and credit notes), redemptions by month,
 * actor and commune, the actors' monthly statements and the refused redemptions. Applied like the sessions read
 * models: once by event id with the partition's checkpoint, a poll's events together in batched statements, to the
 * schema of the territory of the event's stream (an order's and its passes': the order's), which {@code hub}'s
 * views unite (V142); and each statement is idempotent on its own (counters move only when a pass's state
 * changes), so a replay changes nothing either.
 * Payloads are read through the contracts' records ({@link VoucherEvents#TOPIC}); a type this projector does not
 * know yet is skipped until a case is added here. Rebuilt by {@code ./hub rebuild vouchers} without downtime.
 */
@ApplicationScoped
public class VouchersProjector extends ScopedReadModel {

    /** The consumer name of generation 0. */
    public static final String CONSUMER = "projection.vouchers";
    private static final List<String> TABLES = List.of("voucher_orders", "voucher_ledger", "voucher_passes",
            "voucher_booklets", "voucher_redemptions", "voucher_statements", "voucher_refusals");
    private static final EventCodec<VoucherEvent> EVENTS = EventCodec.of(VoucherEvents.TOPIC,
            VoucherEvent::occurredAt);

    private final LedgerView ledger;
    private final SettlementView settlement;

    /** For the client proxy only. */
    protected VouchersProjector() {
        this(null, null, null);
    }

    @Inject
    public VouchersProjector(Generations generations, LedgerView ledger, SettlementView settlement) {
        super(generations);
        this.ledger = ledger;
        this.settlement = settlement;
    }

    @Incoming("voucher-events")
    public Uni<Void> onEvents(ConsumerRecords<String, String> records) {
        return live(records);
    }

    @Override
    public String name() { return "vouchers"; }

    @Override
    public String topic() { return "vouchers.events"; }

    @Override
    public List<String> tables() { return TABLES; }

    @Override
    public String firstConsumer() { return CONSUMER; }

    /**
     * hub's vouchers tables are views over the territories' (V142): every key is written from one stream's events,
     * in its territory, so the union is what a copy was, for half the writes.
     */
    @Override
    public boolean hubUnitesTerritories() { return true; }

    @Override
    protected Function<String, List<Statement>> change(ConsumedEvent event) {
        String type = event.eventType();
        if (!EVENTS.knows(type)) {
            return null;
        }
        return switch (EVENTS.decode(type, event.schemaVersion(), event.payload())) {
            case OrderQuoted q -> schema -> ledger.quoted(schema, q);
            case OrderActivated a -> schema -> List.of(ledger.activated(schema, a));
            case LateDistributionConfirmed c -> schema -> List.of(ledger.lateDistributionConfirmed(schema, c));
            case PassDistributed d -> schema -> List.of(ledger.distributed(schema, d));
            case PassRedeemed r -> schema -> List.of(ledger.redeemed(schema, r, event.territory()));
            case PassExpired e -> schema -> List.of(ledger.expired(schema, e));
            case OrderExpired x -> schema -> ledger.orderExpired(schema, x);
            case StatementIssued i -> schema -> List.of(settlement.issued(schema, i));
            case StatementPaid p -> schema -> List.of(settlement.paid(schema, p));
            case RedemptionRefused r -> schema -> List.of(settlement.refused(schema, r));
            // PassesIssued: the quote already says how many passes each booklet has.
            default -> null;
        };
    }
}
