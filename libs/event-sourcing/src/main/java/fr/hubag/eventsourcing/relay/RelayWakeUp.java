package fr.hubag.eventsourcing.relay;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Tells the relay that this service has just committed events, so it publishes them now instead of at its next
 * idle poll (up to {@code hub.relay.idle-poll} later; 25 ms on average with the default 50 ms, on every event's way
 * to the read models). Commits by another process are still found by the idle poll. Several commits before the
 * relay wakes make one wake-up.
 */
@ApplicationScoped
public class RelayWakeUp {

    private final Semaphore committed = new Semaphore(0);

    /** Events were committed (called once the append's transaction is done). */
    public void committed() {
        if (committed.availablePermits() == 0) {
            committed.release();
        }
    }

    /** Waits until events are committed or {@code atMost} has passed; true if woken by a commit. */
    boolean await(Duration atMost) throws InterruptedException {
        boolean woken = committed.tryAcquire(atMost.toMillis(), TimeUnit.MILLISECONDS);
        committed.drainPermits();
        return woken;
    }
}
