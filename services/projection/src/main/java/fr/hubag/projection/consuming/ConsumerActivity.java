package fr.hubag.projection.consuming;

import org.apache.kafka.common.TopicPartition;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * What one read model's consumer is doing, as its rebalance listener and the readiness probe see it: the partitions
 * it holds (since when it holds none), and when its polling thread last answered.
 */
final class ConsumerActivity {

    private final Instant started = Instant.now();
    private final Set<TopicPartition> assignment = new HashSet<>();
    private Instant unassignedSince = started;
    private volatile Instant lastPolled;

    synchronized void assigned(Collection<TopicPartition> partitions) {
        assignment.addAll(partitions);
        unassignedSince = null;
    }

    synchronized void revoked(Collection<TopicPartition> partitions) {
        assignment.removeAll(partitions);
        if (assignment.isEmpty() && unassignedSince == null) {
            unassignedSince = Instant.now();
        }
    }

    void polled(Instant at) {
        lastPolled = at;
    }

    synchronized int partitions() {
        return assignment.size();
    }

    /** Since when the consumer holds no partition; null while it holds some. */
    synchronized Instant unassignedSince() {
        return unassignedSince;
    }

    /** When the polling thread last answered a probe; the start if it never did. */
    Instant lastPolled() {
        Instant polled = lastPolled;
        return polled == null ? started : polled;
    }
}
