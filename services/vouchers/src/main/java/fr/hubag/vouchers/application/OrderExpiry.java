package fr.hubag.vouchers.application;

import fr.hubag.contracts.vouchers.IssuedPass;
import fr.hubag.eventsourcing.command.CommandContext;
import fr.hubag.eventsourcing.command.CommandExecutor;
import fr.hubag.eventsourcing.command.CommandOutcome;
import fr.hubag.eventsourcing.command.CommandResult;
import fr.hubag.vouchers.domain.OrderCommand;
import fr.hubag.vouchers.domain.OrderState;
import fr.hubag.vouchers.domain.PassCommand;
import fr.hubag.vouchers.domain.PassState;
import fr.hubag.vouchers.infra.OrderLedger;
import fr.hubag.vouchers.infra.VoucherStreams;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Expires one order at the end of its tolerance, in two steps. First each pass not redeemed expires on its own
 * stream — where redemptions are decided, so a redemption racing the expiry is one append against another and a pass
 * ends redeemed or expired, never both — {@value #BATCH} passes per command, all or none of a batch in one
 * transaction. Then, every pass being final, the order records its credit note from what the passes' streams say,
 * which the decider refuses unless it adds up to the cent. Every command is keyed by {@code key} (job, period, order,
 * batch): run again, it is replayed; and an order already expired or a pass already final decides nothing.
 */
@ApplicationScoped
public class OrderExpiry {

    /** Passes expired per command (one transaction): 40 commands for an order of 10 000 passes. */
    static final int BATCH = 250;

    /** What one order's expiry did: passes expired now, and whether the order's credit note was recorded now. */
    public record Outcome(UUID orderId, long passesExpired, boolean closed, String refusal) {}

    private final CommandExecutor executor;
    private final OrderBook orders;
    private final OrderLedger ledger;

    public OrderExpiry(CommandExecutor executor, OrderBook orders, OrderLedger ledger) {
        this.executor = executor;
        this.orders = orders;
        this.ledger = ledger;
    }

    /**
     * Expires {@code orderId} as of {@code at} if its tolerance has ended by then everywhere in its perimeter;
     * {@code key} derives each command's idempotency key from its target.
     */
    public Uni<Outcome> expire(UUID orderId, Instant at, String actor, Function<String, String> key) {
        return orders.load(orderId).flatMap(loaded -> {
            if (!(loaded.state() instanceof OrderState.Order order) || !order.activated() || order.expired()
                    || at.isBefore(order.terms().toleranceEnd())) {
                return Uni.createFrom().item(new Outcome(orderId, 0, false, null));
            }
            List<List<PassCommand>> batches = batches(order, at);
            return Multi.createFrom().range(0, batches.size())
                    .onItem().transformToUniAndConcatenate(i -> {
                        String k = key.apply(orderId + ":passes:" + i);
                        List<PassCommand> batch = batches.get(i);
                        return executor.execute(VoucherStreams.PASS,
                                batch.stream().map(c -> c.passId().toString()).toList(),
                                CommandContext.derived(actor, k, k), states -> batch, OrderExpiry::expiredCount);
                    })
                    .collect().asList()
                    .flatMap(results -> {
                        long expired = results.stream().mapToLong(OrderExpiry::appended).sum();
                        String refused = results.stream().map(OrderExpiry::refusal)
                                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
                        if (refused != null) {
                            return Uni.createFrom().item(new Outcome(orderId, expired, false, refused));
                        }
                        return close(order, at, actor, key.apply(orderId + ":credit-note"))
                                .map(result -> new Outcome(orderId, expired,
                                        result instanceof CommandResult.Decided<?> d && d.changed(),
                                        refusal(result)));
                    });
        });
    }

    /** The order's credit note from its passes' streams, now that each is redeemed or expired. */
    private Uni<CommandResult<OrderState>> close(OrderState.Order order, Instant at, String actor, String key) {
        return ledger.tallies(List.of(order.orderId())).flatMap(t ->
                executor.execute(VoucherStreams.ORDER, order.orderId().toString(),
                        new OrderCommand.ExpireOrder(order.orderId(), t.get(order.orderId()), at),
                        CommandContext.derived(actor, key, key)));
    }

    private static List<List<PassCommand>> batches(OrderState.Order order, Instant at) {
        List<List<PassCommand>> batches = new ArrayList<>();
        List<PassCommand> current = new ArrayList<>();
        for (Map.Entry<Integer, List<IssuedPass>> booklet : order.booklets().entrySet()) {
            for (IssuedPass pass : booklet.getValue()) {
                current.add(new PassCommand.Expire(pass.passId(), order.terms(), booklet.getKey(), at));
                if (current.size() == BATCH) {
                    batches.add(current);
                    current = new ArrayList<>();
                }
            }
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    private static long appended(CommandResult<?> result) {
        if (result instanceof CommandResult.Decided<?> decided) {
            return decided.outcomes().stream().mapToLong(o -> ((CommandOutcome<?>) o).events().size()).sum();
        }
        return 0;
    }

    /** What a batch's key remembers: a count, not the 250 streams' event ids (nothing reads it back but a replay). */
    private static String expiredCount(List<CommandOutcome<PassState>> outcomes) {
        return "expired " + outcomes.stream().filter(CommandOutcome::changed).count();
    }

        private static String refusal(CommandResult<?> result) {
        return result instanceof CommandResult.Rejected<?> rejected ? rejected.rejection().code() : null;
    }
}
