package fr.hubag.eventsourcing.relay;

import fr.hubag.eventsourcing.store.EventEnvelope;
import org.apache.kafka.common.errors.RetriableException;

/**
 * The broker did not acknowledge one event of a batch. The events before it were acknowledged and the relay's
 * checkpoint moved past them (they are never sent again); this one and those after it wait. {@link #retriable()}
 * tells a passing trouble (broker away, timeout) from an event the broker refuses for good (too large for the
 * topic, say), which the relay reports as stuck instead of retrying silently.
 */
public class UnpublishableEvent extends RuntimeException {

    private final EventEnvelope event;
    private final int acknowledged;

    public UnpublishableEvent(EventEnvelope event, int acknowledged, Throwable cause) {
        super("event " + event.eventId() + " (" + event.type() + ", stream " + event.streamId() + ", position "
                + event.globalPosition() + ") was not acknowledged by the broker: " + cause, cause);
        this.event = event;
        this.acknowledged = acknowledged;
    }

    public EventEnvelope event() { return event; }

    /** How many events of the batch, before this one, the broker acknowledged (the checkpoint moved past them). */
    public int acknowledged() { return acknowledged; }

    public boolean retriable() {
        return getCause() instanceof RetriableException;
    }
}
