package fr.hubag.vouchers.application;

import fr.hubag.eventsourcing.command.CommandExecutor;
import fr.hubag.vouchers.domain.OrderState;
import fr.hubag.vouchers.infra.VoucherStreams;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Orders as the pass commands read them. Every distribution and redemption needs its order's terms; an activated
 * order never changes again (its terms are fixed at the quote, activation is final), so the last thousand used are
 * kept in memory instead of folding the order's stream — up to a thousand booklets' events — on every redemption.
 * An order not yet activated is read from the store each time, so its activation is seen at once.
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
        if (kept != null) {
            return Uni.createFrom().item(kept);
        }
        return load(orderId).map(loaded -> {
            if (loaded.state() instanceof OrderState.Order order && order.activated()) {
                activated.put(orderId, order);
            }
            return loaded.state();
        });
    }
}
