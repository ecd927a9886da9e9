package fr.hubag.testing;

import fr.hubag.domain.CommandRejected;
import fr.hubag.domain.Decider;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Given (past events) / when (command) / then (new events, or a rejection) for any {@link Decider}, in the style
 * of Axon's test fixtures. Plain Java with no test-framework dependency: a failed expectation is an
 * {@link AssertionError}, which every runner reports.
 */
public final class DeciderSpec<C, E, S> {

    private final Decider<C, E, S> decider;
    private final List<E> history = new ArrayList<>();

    private DeciderSpec(Decider<C, E, S> decider) {
        this.decider = decider;
    }

    public static <C, E, S> DeciderSpec<C, E, S> of(Decider<C, E, S> decider) {
        return new DeciderSpec<>(decider);
    }

    @SafeVarargs
    public final DeciderSpec<C, E, S> given(E... events) {
        history.addAll(Arrays.asList(events));
        return this;
    }

    public When when(C command) {
        return new When(command);
    }

    public final class When {
        private final C command;

        private When(C command) { this.command = command; }

        @SafeVarargs
        public final S then(E... expected) {
            S state = decider.fold(history);
            List<E> actual;
            try {
                actual = decider.decide(command, state);
            } catch (CommandRejected rejected) {
                throw new AssertionError("expected " + Arrays.toString(expected) + " but the command was rejected: "
                        + rejected.code() + " — " + rejected.getMessage(), rejected);
            }
            if (!actual.equals(List.of(expected))) {
                throw new AssertionError("expected events " + Arrays.toString(expected) + " but got " + actual);
            }
            for (E event : actual) {
                state = decider.evolve(state, event);
            }
            return state;
        }

        public CommandRejected thenRejected(CommandRejected.Kind kind, String code) {
            S state = decider.fold(history);
            try {
                List<E> actual = decider.decide(command, state);
                throw new AssertionError("expected rejection " + code + " but got events " + actual);
            } catch (CommandRejected rejected) {
                if (rejected.kind() != kind || !Objects.equals(rejected.code(), code)) {
                    throw new AssertionError("expected rejection " + kind + "/" + code + " but got "
                            + rejected.kind() + "/" + rejected.code() + ": " + rejected.getMessage(), rejected);
                }
                return rejected;
            }
        }
    }
}
