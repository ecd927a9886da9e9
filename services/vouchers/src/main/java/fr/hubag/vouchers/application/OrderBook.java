package fr.hubag.vouchers.application;

import fr.hubag.eventsourcing.command.CommandExecutor;
import fr.hubag.vouchers.domain.OrderState;
import fr.hubag.vouchers.infra.VoucherStreams;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.time.Instant;
import java.util.UUID;

/**
 * Orders as the pass commands read them. Every distribution and redemption needs its order's terms; an activated
 * order never changes again (its terms are fixed at the quote, activation is final), so the last thousand used are
 * kept in memory instead of folding the order's stream — up to a thousand booklets' events — on every redemption.
 * An order not yet activated is read from the store each time, so its activation is seen at once; so is an order
 * whose late distribution its funder has not confirmed, when a distribution falls in the last 15 days (the one
 * change an activated order still knows).
 */
@ApplicationScoped
public class OrderBook {

    private static final int KEPT = 1_000;

    private final CommandExecutor executor;
    private final Map<UUID, OrderState.Order> activated = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<UUID, OrderState.Order> eldest) {
                    return size() > KEPT;
                }
            });

    public OrderBook(CommandExecutor executor) {
        this.executor = executor;
    }

    public Uni<CommandExecutor.Loaded<OrderState>> load(UUID orderId) {
        return executor.load(VoucherStreams.ORDER, orderId.toString());
    }

    /** The order's state, from memory when it is activated. */
    public Uni<OrderState> order(UUID orderId) {
        OrderState.Order kept = activated.get(orderId);
        return kept != null ? Uni.createFrom().item(kept) : reload(orderId);
    }

    /** The order's state for a distribution at {@code at}: its funder's late confirmation is seen at once. */
    public Uni<OrderState> forDistribution(UUID orderId, Instant at) {
        OrderState.Order kept = activated.get(orderId);
        boolean current = kept != null && (kept.lateDistributionConfirmed()
                || at.atZone(kept.territory().zone()).toLocalDate().isBefore(kept.terms().lateDistributionFrom()));
        return current ? Uni.createFrom().item(kept) : reload(orderId);
    }

    private Uni<OrderState> reload(UUID orderId) {
        return load(orderId).map(loaded -> {
            if (loaded.state() instanceof OrderState.Order order && order.activated()) {
                activated.put(orderId, order);
            }
            return loaded.state();
        });
    }
}
