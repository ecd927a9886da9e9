package fr.hubag.projection.actors.projector;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.hubag.contracts.actors.ActorEvent;
import fr.hubag.contracts.actors.ActorEvents;
import fr.hubag.eventsourcing.codec.EventCodec;
import fr.hubag.eventsourcing.consumer.ConsumedEvent;

import java.util.Optional;

/**
 * The actors events as the read models get them: the records of {@code fr.hubag.contracts.actors}, decoded with the
 * catalogue the actors service stores with. ActorRegistered v1 is still on old streams and a replay meets it first;
 * it arrives upcast by the contracts' own upcaster, so every view and the export see one shape only.
 */
final class ActorPayloads {

    private static final EventCodec<ActorEvent> CODEC = EventCodec.of(ActorEvents.CATALOGUE, ActorEvent::occurredAt);

    private ActorPayloads() {}

    /** The event as its record; empty for a type the catalogue does not list (nothing to project). */
    static Optional<ActorEvent> read(ConsumedEvent event) {
        String type = event.eventType();
        if (!CODEC.knows(type)) {
            return Optional.empty();
        }
        return Optional.of(CODEC.decode(type, versionOf(event), event.payload()));
    }

    /**
     * The version from {@code ce_schemaversion}; a record without that header is read as v1, so a registration that
     * already carries a {@code place} object is v2 whatever the missing header made of it.
     */
    private static int versionOf(ConsumedEvent event) {
        if (!event.eventType().equals("ActorRegistered") || event.schemaVersion() >= 2) {
            return event.schemaVersion();
        }
        try {
            return EventCodec.JSON.readTree(event.payload()).path("place").isObject() ? 2 : event.schemaVersion();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ActorRegistered " + event.eventId() + " is not JSON", e);
        }
    }

    /** A record as the JSON the events carry it in (codes for the standard's values), for a jsonb column. */
    static String jsonText(Object value) {
        try {
            return EventCodec.JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }
}
