package fr.hubag.eventsourcing.codec;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns the JSON payload of one event type from {@code fromVersion} into {@code fromVersion + 1}. Stored events are
 * never rewritten: upcasters run when a stream is read, so an event written years ago is folded in today's shape.
 */
public interface Upcaster {

    String eventType();

    int fromVersion();

    ObjectNode upcast(ObjectNode payload);

    static Upcaster of(String eventType, int fromVersion, java.util.function.UnaryOperator<ObjectNode> change) {
        return new Upcaster() {
            @Override public String eventType() { return eventType; }
            @Override public int fromVersion() { return fromVersion; }
            @Override public ObjectNode upcast(ObjectNode payload) { return change.apply(payload); }
        };
    }
}
