package fr.hubag.eventsourcing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.hubag.eventsourcing.codec.EventCodec;
import fr.hubag.eventsourcing.codec.Upcaster;
import fr.hubag.eventsourcing.command.AggregateType;
import fr.hubag.domain.CommandRejected;
import fr.hubag.domain.Decider;

import java.time.Instant;
import java.util.List;

/**
 * A minimal aggregate for the kernel's own tests: a counter in a territory that refuses to go above a limit.
 * {@code Incremented} is at schema version 2 ({@code by}); version 1 called the field {@code amount}.
 */
public final class Counter {

    public sealed interface Command {}

    public record Increment(String territory, int by) implements Command {}

    public sealed interface Event {
        Instant at();
    }

    public record Incremented(String territory, int by, Instant at) implements Event {}

    public record State(String territory, int value) {}

    public static final int LIMIT = 100;

    public static final Decider<Command, Event, State> DECIDER = new Decider<>() {
        @Override
        public State initialState() { return new State(null, 0); }

        @Override
        public List<Event> decide(Command command, State state) {
            return switch (command) {
                case Increment inc -> {
                    if (state.value() + inc.by() > LIMIT) {
                        throw CommandRejected.unprocessable("over-limit", "by", "would exceed " + LIMIT);
                    }
                    yield List.of(new Incremented(inc.territory(), inc.by(), Instant.parse("2026-11-23T10:00:00Z")));
                }
            };
        }

        @Override
        public State evolve(State state, Event event) {
            return switch (event) {
                case Incremented inc -> new State(inc.territory(), state.value() + inc.by());
            };
        }
    };

    public static final Upcaster AMOUNT_TO_BY = Upcaster.of("Incremented", 1, payload -> {
        ObjectNode upcast = payload.deepCopy();
        upcast.set("by", upcast.remove("amount"));
        return upcast;
    });

    public static final EventCodec<Event> CODEC = EventCodec.builder(Event.class, Event::at)
            .event("Incremented", 2, Incremented.class)
            .upcaster(AMOUNT_TO_BY)
            .build();

    public static final AggregateType<Command, Event, State> TYPE =
            new AggregateType<>("counter", DECIDER, CODEC, State::territory);

    private Counter() {}
}
