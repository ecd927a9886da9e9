package fr.hubag.eventsourcing.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fr.hubag.domain.EventCatalogue;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Maps an aggregate's event records to stored (type, schema version, JSON) and back, applying upcasters on the
 * way in. The mapping is explicit so that domain records carry no annotations and a renamed Java class never
 * changes a stored type name. The JSON shape is the contract published in {@code contracts/events}.
 */
public final class EventCodec<E> {

    /** One mapper for all event payloads, independent of the REST layer's settings. */
    public static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(CodedEnums.module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private record Registration(String type, int version, Class<?> javaType) {}

    private final Map<Class<?>, Registration> byClass;
    private final Map<String, Registration> byType;
    private final Map<String, Upcaster> upcasters;
    private final Function<E, Instant> occurredAt;

    private EventCodec(Map<Class<?>, Registration> byClass, Map<String, Upcaster> upcasters,
                       Function<E, Instant> occurredAt) {
        this.byClass = Map.copyOf(byClass);
        this.byType = new HashMap<>();
        byClass.values().forEach(r -> byType.put(r.type(), r));
        this.upcasters = Map.copyOf(upcasters);
        this.occurredAt = occurredAt;
    }

    public static <E> Builder<E> builder(Class<E> eventType, Function<E, Instant> occurredAt) {
        return new Builder<>(occurredAt);
    }

    /** A codec for the events a catalogue lists (the producer's store and its consumers build the same one). */
    public static <E> EventCodec<E> of(EventCatalogue<E> catalogue, Function<E, Instant> occurredAt) {
        return new Builder<E>(occurredAt).catalogue(catalogue).build();
    }

    /** True when {@code type} is one this codec decodes. */
    public boolean knows(String type) { return byType.containsKey(type); }

    public String typeOf(E event) { return registration(event).type(); }

    public int schemaVersionOf(E event) { return registration(event).version(); }

    public Instant occurredAt(E event) { return occurredAt.apply(event); }

    public String encode(E event) {
        registration(event);
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + event.getClass().getSimpleName(), e);
        }
    }

    /** Decodes a stored payload, upcasting it first if it was written with an older schema version. */
    @SuppressWarnings("unchecked")
    public E decode(String type, int schemaVersion, String json) {
        Registration registration = byType.get(type);
        if (registration == null) {
            throw new IllegalArgumentException("unknown event type " + type);
        }
        try {
            if (schemaVersion == registration.version()) { // nothing to upcast: straight to the record, one parse
                return (E) JSON.readValue(json, registration.javaType());
            }
            ObjectNode payload = (ObjectNode) JSON.readTree(json);
            int version = schemaVersion;
            while (version < registration.version()) {
                Upcaster upcaster = upcasters.get(key(type, version));
                if (upcaster == null) {
                    throw new IllegalStateException("no upcaster for " + type + " v" + version);
                }
                payload = upcaster.upcast(payload);
                version++;
            }
            if (version > registration.version()) {
                throw new IllegalStateException(type + " v" + version + " is newer than this service knows");
            }
            return (E) JSON.treeToValue(payload, registration.javaType());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot decode " + type + " v" + schemaVersion, e);
        }
    }

    private Registration registration(E event) {
        Registration registration = byClass.get(event.getClass());
        if (registration == null) {
            throw new IllegalArgumentException("unregistered event class " + event.getClass().getName());
        }
        return registration;
    }

    private static String key(String type, int version) { return type + "@" + version; }

    public static final class Builder<E> {
        private final Map<Class<?>, Registration> byClass = new LinkedHashMap<>();
        private final Map<String, Upcaster> upcasters = new HashMap<>();
        private final Function<E, Instant> occurredAt;

        private Builder(Function<E, Instant> occurredAt) { this.occurredAt = occurredAt; }

        /** Registers an event record under its contract name and current schema version. */
        public Builder<E> event(String type, int currentVersion, Class<? extends E> javaType) {
            byClass.put(javaType, new Registration(type, currentVersion, javaType));
            return this;
        }

        /** Registers every event of a catalogue, and each of its upcasts as an {@link Upcaster} over typed records. */
        public Builder<E> catalogue(EventCatalogue<? extends E> catalogue) {
            catalogue.events().forEach(e -> event(e.type(), e.version(), e.javaType()));
            catalogue.upcasts().forEach(u -> upcaster(Upcaster.of(u.type(), u.fromVersion(), typed(u))));
            return this;
        }

        private static <O> java.util.function.UnaryOperator<ObjectNode> typed(EventCatalogue.Upcast<O> upcast) {
            return older -> {
                try {
                    return JSON.valueToTree(upcast.toNext().apply(JSON.treeToValue(older, upcast.olderShape())));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("cannot read " + upcast.type() + " v" + upcast.fromVersion(), e);
                }
            };
        }

        public Builder<E> upcaster(Upcaster upcaster) {
            upcasters.put(key(upcaster.eventType(), upcaster.fromVersion()), upcaster);
            return this;
        }

        public EventCodec<E> build() { return new EventCodec<>(byClass, upcasters, occurredAt); }
    }
}
