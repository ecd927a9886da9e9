package fr.hubag.domain;

import java.util.List;

/**
 * An aggregate as a pure function pair (Jérémie Chassaing's decider): {@code decide} turns a command and the
 * current state into new events, or rejects it with {@link CommandRejected}; {@code evolve} folds one event into
 * the state. No I/O, no framework: the kernel loads, folds, decides and appends around it.
 *
 * @param <C> the aggregate's sealed command type
 * @param <E> the aggregate's sealed event type
 * @param <S> the aggregate's state
 */
public interface Decider<C, E, S> {

    S initialState();

    List<E> decide(C command, S state);

    S evolve(S state, E event);

    /** The state after the given events, from the initial state. */
    default S fold(List<? extends E> events) {
        S state = initialState();
        for (E event : events) {
            state = evolve(state, event);
        }
        return state;
    }
}
