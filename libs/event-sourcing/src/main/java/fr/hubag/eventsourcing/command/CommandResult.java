package fr.hubag.eventsourcing.command;

import fr.hubag.domain.CommandRejected;

import java.util.List;

/**
 * The typed result of running a command, for any caller (an HTTP adapter, an import, a job, a reaction to another
 * domain's event): decided now, answered before under the same idempotency key, or refused by the domain.
 */
public sealed interface CommandResult<S> {

    /**
     * The command was decided on the streams' current states; {@code answer} is what was (or, without a key, would
     * have been) remembered for a replay.
     */
    record Decided<S>(List<CommandOutcome<S>> outcomes, String answer) implements CommandResult<S> {
        public CommandOutcome<S> first() { return outcomes.get(0); }

        public boolean changed() { return outcomes.stream().anyMatch(CommandOutcome::changed); }
    }

    /** The idempotency key was used before with the same request: nothing was decided again. */
    record Replayed<S>(String answer) implements CommandResult<S> {}

    /** The domain refused the command (a rule of the decider); nothing was stored. */
    record Rejected<S>(CommandRejected rejection) implements CommandResult<S> {}

    /** The answer to give the caller: the one decided now or the one remembered; a refusal is thrown. */
    default String answerOrThrow() {
        return switch (this) {
            case Decided<S> decided -> decided.answer();
            case Replayed<S> replayed -> replayed.answer();
            case Rejected<S> rejected -> throw rejected.rejection();
        };
    }
}
