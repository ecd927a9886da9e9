package fr.hubag.eventsourcing.consumer;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A live channel's polls, applied one transaction at a time, the polls that arrived while a transaction ran all
 * together in the next one. SmallRye's Kafka connector keeps polling while a poll's transaction runs and hands the
 * polls over one by one, each waiting for the previous one's commit: after a burst or a slow commit, a consumer
 * worked through a queue of small polls at a commit each, and the last record waited for all of them (the staleness
 * tail of issue 8, docs/benchmarks.md). Taken together, a queue costs one commit.
 *
 * <p>A poll is accepted at once while fewer than {@code maxRecords} records wait, so the connector hands over the
 * next one; beyond that, {@link #offer} completes when the waiting records are taken by a transaction (the
 * connector's back-pressure, one transaction's worth ahead). Order is kept: records are applied in the order
 * offered, never two transactions at once. A transaction that fails (the consumer's own retries spent) fails the
 * next offer, and every one after it, which fails the channel as the poll itself would have; what it held is not
 * checkpointed, so it is read again when the channel restarts.
 */
public final class PendingPolls<T> {

    private static final Logger LOG = Logger.getLogger(PendingPolls.class);

    private final String name;
    private final int maxRecords;
    private final Function<List<T>, Uni<?>> apply;
    private List<T> waiting = new ArrayList<>();
    private final List<UniEmitter<? super Void>> held = new ArrayList<>();
    private boolean running;
    private Throwable failure;

    /**
     * @param name       what the log calls it (the channel or consumer)
     * @param maxRecords the records that may wait without holding the connector back (at least 1)
     * @param apply      one transaction for the records given, in their order
     */
    public PendingPolls(String name, int maxRecords, Function<List<T>, Uni<?>> apply) {
        this.name = name;
        this.maxRecords = Math.max(1, maxRecords);
        this.apply = apply;
    }

    /** A poll's records: applied in the running transaction's successor, or in a transaction started now. */
    public Uni<Void> offer(Iterable<? extends T> records) {
        return Uni.createFrom().emitter(emitter -> {
            boolean start;
            synchronized (this) {
                if (failure != null) {
                    emitter.fail(failure);
                    return;
                }
                records.forEach(waiting::add);
                start = !running && !waiting.isEmpty();
                running |= start;
                if (waiting.size() < maxRecords || start) {
                    emitter.complete(null);
                } else {
                    held.add(emitter);
                }
            }
            if (start) {
                next();
            }
        });
    }

    /**
     * The failure of a transaction, once one failed: the channel fails with its next poll, and a readiness check
     * reports it before that (no poll may come).
     */
    public synchronized Throwable failure() {
        return failure;
    }

    /** How many records wait for the next transaction (measures, tests). */
    public synchronized int waiting() {
        return waiting.size();
    }

    /** Takes what waits and applies it; once committed, the same with what arrived meanwhile, until nothing waits. */
    private void next() {
        List<T> taken;
        List<UniEmitter<? super Void>> released;
        synchronized (this) {
            if (waiting.isEmpty()) {
                running = false;
                return;
            }
            taken = waiting;
            waiting = new ArrayList<>();
            released = List.copyOf(held);
            held.clear();
        }
        released.forEach(emitter -> emitter.complete(null));
        Uni<?> transaction;
        try {
            transaction = apply.apply(taken);
        } catch (RuntimeException e) {
            transaction = Uni.createFrom().failure(e);
        }
        transaction.subscribe().with(done -> next(), this::failed);
    }

    private void failed(Throwable cause) {
        LOG.errorf("%s: a transaction of its waiting polls failed (%s); the channel fails with its next poll", name,
                ParkedEvents.describe(cause));
        List<UniEmitter<? super Void>> released;
        synchronized (this) {
            failure = cause;
            running = false;
            released = List.copyOf(held);
            held.clear();
        }
        released.forEach(emitter -> emitter.fail(cause));
    }
}
