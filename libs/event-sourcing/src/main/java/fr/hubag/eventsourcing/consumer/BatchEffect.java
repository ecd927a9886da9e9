package fr.hubag.eventsourcing.consumer;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * What a consumer does with the new events of one poll, all at once, inside the poll's transaction: the events
 * arrive in the order they were read (so in stream order within each stream) and only those this consumer had not
 * processed yet. A consumer that can apply many events in a few statements (one multi-row insert for a thousand
 * registrations) implements it directly; one that knows only a single event's effect uses {@link #inStreamOrder}.
 */
@FunctionalInterface
public interface BatchEffect {

    Uni<Void> apply(SqlConnection tx, List<ConsumedEvent> events);

    /**
     * A single event's effect, run for each event: in order within a stream, the streams' chains side by side
     * (pipelined on the transaction's connection, not awaited one after the other).
     */
    static BatchEffect inStreamOrder(BiFunction<SqlConnection, ConsumedEvent, Uni<Void>> effect) {
        return (tx, events) -> {
            Map<String, Uni<Void>> chains = new LinkedHashMap<>();
            for (ConsumedEvent event : events) {
                Uni<Void> chain = chains.getOrDefault(event.streamKey(), Uni.createFrom().voidItem());
                chains.put(event.streamKey(), chain.chain(() -> effect.apply(tx, event)));
            }
            if (chains.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return Uni.join().all(new ArrayList<>(chains.values())).andFailFast().replaceWithVoid();
        };
    }
}
