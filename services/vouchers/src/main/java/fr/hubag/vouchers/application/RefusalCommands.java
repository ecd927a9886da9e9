package fr.hubag.vouchers.application;

import fr.hubag.contracts.vouchers.VoucherEvent.RedemptionRefused;
import fr.hubag.domain.Ids;
import fr.hubag.domain.Territory;
import fr.hubag.eventsourcing.command.CommandContext;
import fr.hubag.eventsourcing.command.CommandExecutor;
import fr.hubag.vouchers.domain.ActorFacts;
import fr.hubag.vouchers.domain.OrderState;
import fr.hubag.vouchers.domain.RefusalDecider;
import fr.hubag.vouchers.infra.Refusals;
import fr.hubag.vouchers.infra.VoucherStreams;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Records a refused redemption twice over, in one transaction: a {@code RedemptionRefused} event on a stream of its
 * own (for the funder's refusals by reason, on {@code vouchers.events}) and the fraud-review row of
 * {@code redemption_refusals} (with the caller, which the event leaves out), written alongside the append. A stream
 * needs a territory — the order's, else the actor's —: a refusal with neither (an actor the census does not know,
 * a code that led nowhere) is only the row. Never the code typed, never the pass's beneficiary.
 */
@ApplicationScoped
public class RefusalCommands {

    private final CommandExecutor executor;
    private final OrderBook orders;
    private final Refusals refusals;

    public RefusalCommands(CommandExecutor executor, OrderBook orders, Refusals refusals) {
        this.executor = executor;
        this.orders = orders;
        this.refusals = refusals;
    }

    /**
     * Records that {@code caller} was refused a redemption at {@code actor} for {@code reason}, under the refused
     * request's correlation id ({@code request}), so that the refusal is found from the request that caused it.
     */
    public Uni<Void> refuse(ActorFacts actor, UUID passId, UUID orderId, String reason, Instant at, String caller,
                            CommandContext request) {
        Uni<Territory> orderTerritory = orderId == null ? Uni.createFrom().nullItem()
                : orders.order(orderId).map(state -> state instanceof OrderState.Order order ? order.territory()
                        : null);
        return orderTerritory.flatMap(leading -> {
            Territory where = actor.known() ? actor.territory() : null;
            Refusals.Refusal row = new Refusals.Refusal(at, actor.actorId(), where == null ? null : where.name(),
                    passId, orderId, reason, caller);
            if (leading == null && where == null) {
                return refusals.record(row);
            }
            UUID refusalId = Ids.timeOrdered();
            RedemptionRefused refused = new RedemptionRefused(refusalId, actor.actorId(), where, passId,
                    leading == null ? null : orderId, leading, reason, at);
            return executor.create(VoucherStreams.REFUSAL, refusalId.toString(),
                            CommandContext.of(request.correlationId(), request.causationId(), caller),
                            states -> List.of(new RefusalDecider.Refuse(refused)), CommandExecutor::summary,
                            (tx, changed) -> refusals.record(tx, row))
                    .replaceWithVoid();
        });
    }
}
