package fr.hubag.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The events of one aggregate as they are published: each type's contract name, its current schema version and its
 * record, and how each older version becomes the next. Plain data, written once next to the records (in
 * {@code contracts}), so that the producer's event store and every consumer of the topic read events with the same
 * list; the kernel's {@code EventCodec} is built from it.
 */
public record EventCatalogue<E>(List<Current<? extends E>> events, List<Upcast<?>> upcasts) {

    /** The version of {@code type} that is written today, and the record it is read into. */
    public record Current<T>(String type, int version, Class<T> javaType) {}

    /**
     * Version {@code fromVersion} of {@code type}, read into its own record ({@code olderShape}), becomes version
     * {@code fromVersion + 1} through {@code toNext} (whose result is written in that version's shape).
     */
    public record Upcast<O>(String type, int fromVersion, Class<O> olderShape, Function<? super O, ?> toNext) {}

    public EventCatalogue {
        events = List.copyOf(events);
        upcasts = List.copyOf(upcasts);
    }

    public static <E> Builder<E> of(Class<E> root) { return new Builder<>(); }

    public Optional<Current<? extends E>> current(String type) {
        return events.stream().filter(e -> e.type().equals(type)).findFirst();
    }

    public static final class Builder<E> {
        private final List<Current<? extends E>> events = new ArrayList<>();
        private final List<Upcast<?>> upcasts = new ArrayList<>();

        private Builder() {}

        public <T extends E> Builder<E> event(String type, int currentVersion, Class<T> javaType) {
            events.add(new Current<>(type, currentVersion, javaType));
            return this;
        }

        public <O> Builder<E> upcast(String type, int fromVersion, Class<O> olderShape, Function<? super O, ?> toNext) {
            upcasts.add(new Upcast<>(type, fromVersion, olderShape, toNext));
            return this;
        }

        public EventCatalogue<E> build() { return new EventCatalogue<>(events, upcasts); }
    }
}
