package fr.hubag.projection.shared.rebuild;

import fr.hubag.eventsourcing.consumer.IdempotentConsumer;
import fr.hubag.eventsourcing.consumer.PendingPolls;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which generation of each read model serves, and the live consumer's side of a handover. The live consumer applies
 * every batch to the serving generation; while a rebuild is in its dual phase it applies the batch to the new
 * generation too, under the new generation's consumer name. {@link #beginDual} waits until no batch that began
 * before the flag is still running, then reads the serving consumer's checkpoints: every record before them is in
 * the new generation only if the catch-up consumer read it, every record after them the live consumer applies
 * there itself. Overlaps are harmless (marks are per consumer name); that is what makes the handover gap-free.
 */
@ApplicationScoped
public class Generations {

    private static final Duration QUERY = Duration.ofSeconds(30);

    private final Pool pool;
    private final IdempotentConsumer consumer;
    private final int maxWaiting;
    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final Map<String, PendingPolls<ConsumerRecord<String, String>>> pending = new ConcurrentHashMap<>();

    /**
     * @param maxWaiting the records of a live channel that may wait for its running transaction before the
     *                   connector is held back: what arrived meanwhile is applied in the next transaction, together
     */
    public Generations(Pool pool, IdempotentConsumer consumer,
                       @ConfigProperty(name = "hub.consumer.max-waiting-records", defaultValue = "2000")
                       int maxWaiting) {
        this.pool = pool;
        this.consumer = consumer;
        this.maxWaiting = maxWaiting;
    }

    /** What the live consumer applies to; {@code singles}: its batches running that apply to the serving one only. */
    private static final class State {
        Generation serving;
        Generation dual;
        int singles;
    }

    /** The serving generation, read from its pointer the first time (before the startup observer has run, too). */
    public Uni<Generation> load(ReadModel model) {
        return pool.preparedQuery("SELECT serving FROM read_model_generations WHERE read_model = $1")
                .execute(Tuple.of(model.name()))
                .map(rows -> {
                    int number = rows.size() == 0 ? 0 : rows.iterator().next().getInteger(0);
                    State state = state(model);
                    synchronized (state) {
                        if (state.serving == null) {
                            state.serving = model.generation(number);
                            ServingSchemas.serve(model, state.serving);
                        }
                        return state.serving;
                    }
                });
    }

    public Generation serving(ReadModel model) {
        State state = state(model);
        synchronized (state) {
            return state.serving;
        }
    }

    /**
     * A live poll of the read model's channel, applied in order: at once if the channel's previous transaction has
     * committed, else with every poll that arrives meanwhile, in the next transaction ({@link PendingPolls}).
     */
    public Uni<Void> live(ReadModel model, Iterable<ConsumerRecord<String, String>> records) {
        return pending.computeIfAbsent(model.name(), name -> new PendingPolls<>(name, maxWaiting,
                taken -> apply(model, taken))).offer(records);
    }

    /** Why the read model's live polls can no longer be applied, or null (its readiness check reports it). */
    public Throwable liveFailure(ReadModel model) {
        PendingPolls<?> polls = pending.get(model.name());
        return polls == null ? null : polls.failure();
    }

    /** Live records: one transaction for the serving generation, one more for the new one if dual. */
    private Uni<Integer> apply(ReadModel model, List<ConsumerRecord<String, String>> events) {
        State state = state(model);
        synchronized (state) {
            if (state.serving == null) { // a batch before the startup observer ran
                return load(model).chain(loaded -> apply(model, events));
            }
        }
        Generation serving;
        Generation dual;
        synchronized (state) {
            serving = state.serving;
            dual = state.dual;
            if (dual == null) {
                state.singles++;
            }
        }
        Uni<Integer> applied = consumer.processPollRecords(serving.consumer(), events,
                (tx, fresh) -> model.applyAll(tx, fresh, serving));
        if (dual == null) {
            return applied.onTermination().invoke(() -> {
                synchronized (state) {
                    state.singles--;
                }
            });
        }
        return applied.call(() -> consumer.processPollRecords(dual.consumer(), events,
                (tx, fresh) -> model.applyAll(tx, fresh, dual)));
    }

    /**
     * Makes the live consumer apply to {@code next} too, and returns where it started doing so (next offset by
     * partition of {@code topic}). Blocking: called from a catch-up thread.
     */
    Map<Integer, Long> beginDual(ReadModel model, Generation next) throws InterruptedException {
        State state = state(model);
        Generation serving;
        synchronized (state) {
            state.dual = next;
            serving = state.serving;
        }
        while (true) {
            synchronized (state) {
                if (state.singles == 0) {
                    break;
                }
            }
            Thread.sleep(5);
        }
        Map<Integer, Long> positions = new TreeMap<>();
        for (Row row : pool.preparedQuery("SELECT partition, next_offset FROM es_consumer_checkpoints "
                        + "WHERE consumer = $1 AND topic = $2")
                .execute(Tuple.of(serving.consumer(), model.topic())).await().atMost(QUERY)) {
            positions.put(row.getInteger(0), row.getLong(1));
        }
        return positions;
    }

    /** Stops applying to the new generation (a failed rebuild). */
    void endDual(ReadModel model) {
        State state = state(model);
        synchronized (state) {
            state.dual = null;
        }
    }

    /**
     * Makes {@code next} the serving generation: the pointer and the rebuild's state in one transaction, then the
     * queries and the live consumer in memory. The previous generation stays as it is until the next rebuild.
     */
    void switchTo(ReadModel model, Generation next, long rebuild) {
        pool.withTransaction(tx -> tx.preparedQuery("""
                        INSERT INTO read_model_generations (read_model, serving) VALUES ($1, $2)
                        ON CONFLICT (read_model) DO UPDATE SET serving = EXCLUDED.serving, updated_at = now()""")
                .execute(Tuple.of(model.name(), next.number()))
                .chain(() -> tx.preparedQuery("UPDATE read_model_rebuilds SET state = 'SWITCHED', "
                        + "switched_at = now(), updated_at = now() WHERE id = $1").execute(Tuple.of(rebuild))))
                .await().atMost(QUERY);
        State state = state(model);
        synchronized (state) {
            state.serving = next;
            state.dual = null;
        }
        ServingSchemas.serve(model, next);
    }

    private State state(ReadModel model) {
        return states.computeIfAbsent(model.name(), name -> new State());
    }
}
