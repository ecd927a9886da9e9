package fr.hubag.eventsourcing;

import fr.hubag.eventsourcing.command.CommandContext;
import fr.hubag.eventsourcing.command.CommandExecutor;
import fr.hubag.eventsourcing.command.CommandResult;
import fr.hubag.eventsourcing.command.IdempotencyKeyReused;
import fr.hubag.domain.CommandRejected;
import fr.hubag.eventsourcing.store.ConcurrencyConflict;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rule 6: a command retried with the same Idempotency-Key is applied once and answered the same way. */
class CommandExecutorTest extends KernelTest {




    static CommandContext context(String user, String key, String requestHash) {
        return new CommandContext("corr", "cause", user, key, requestHash, OptionalLong.empty());
    }

    /** The answer a caller would remember: it names a fresh id, so a replay is told apart from a new decision. */
    static CommandResult<Counter.State> run(String stream, int by, CommandContext context) {
        return executor.execute(Counter.TYPE, List.of(stream), context,
                        states -> List.of(new Counter.Increment("MQ", by)),
                        outcomes -> "{\"value\":" + outcomes.get(0).state().value() + ",\"version\":"
                                + outcomes.get(0).version() + ",\"id\":\"" + UUID.randomUUID() + "\"}")
                .await().indefinitely();
    }

    static String increment(String stream, int by, CommandContext context) {
        return run(stream, by, context).answerOrThrow();
    }


    @Test
    void aReplayWithTheSameKeyAndRequestReturnsTheFirstResponseAndAppendsOnce() {
        String stream = UUID.randomUUID().toString();
        CommandResult<Counter.State> first = run(stream, 5, context("mediator-1", "key-1", "hash-a"));
        CommandResult<Counter.State> replay = run(stream, 5, context("mediator-1", "key-1", "hash-a"));

        assertThat(first).isInstanceOf(CommandResult.Decided.class);
        assertThat(replay).isInstanceOf(CommandResult.Replayed.class);
        assertThat(replay.answerOrThrow()).isEqualTo(first.answerOrThrow());
        assertThat(events(stream)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithADifferentRequestIsRefusedAndChangesNothing() {
        String stream = UUID.randomUUID().toString();
        increment(stream, 5, context("mediator-1", "key-2", "hash-a"));

        assertThatThrownBy(() -> increment(stream, 6, context("mediator-1", "key-2", "hash-b")))
                .isInstanceOf(IdempotencyKeyReused.class);
        assertThat(events(stream)).isEqualTo(1);
    }

    @Test
    void keysBelongToTheirCaller() {
        String stream = UUID.randomUUID().toString();
        increment(stream, 5, context("mediator-1", "shared-key", "hash-a"));
        increment(stream, 5, context("mediator-2", "shared-key", "hash-a"));

        assertThat(events(stream)).isEqualTo(2);
    }

    @Test
    void concurrentRetriesWithOneKeyAppendOnceAndAllGetTheSameAnswer() throws Exception {
        String stream = UUID.randomUUID().toString();
        increment(stream, 1, context("mediator-1", null, "x"));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Callable<String>> retries = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            retries.add(() -> increment(stream, 2, context("mediator-1", "flaky-network", "same")));
        }
        List<String> answers = new ArrayList<>();
        for (Future<String> answer : threads.invokeAll(retries)) {
            answers.add(answer.get());
        }
        threads.shutdown();

        assertThat(answers).allSatisfy(answer -> assertThat(answer).isEqualTo(answers.get(0)));
        assertThat(events(stream)).isEqualTo(2);
    }

    @Test
    void aRejectedCommandIsATypedResultAndStoresNothingNotEvenItsKey() {
        String stream = UUID.randomUUID().toString();
        CommandResult<Counter.State> result = run(stream, Counter.LIMIT + 1, context("m", "key-3", "h"));

        assertThat(result).isInstanceOfSatisfying(CommandResult.Rejected.class,
                rejected -> assertThat(rejected.rejection().code()).isEqualTo("over-limit"));
        assertThatThrownBy(result::answerOrThrow).isInstanceOf(CommandRejected.class);

        assertThat(events(stream)).isZero();
        assertThat(db.count("SELECT count(*) FROM es_idempotency_keys WHERE idempotency_key = 'key-3'")).isZero();
    }

    @Test
    void aStaleIfMatchVersionIsAConflict() {
        String stream = UUID.randomUUID().toString();
        increment(stream, 1, context("m", null, "h"));
        CommandContext stale = new CommandContext("c", "c", "m", null, "h", OptionalLong.of(0));

        assertThatThrownBy(() -> increment(stream, 1, stale)).isInstanceOf(ConcurrencyConflict.class);
        assertThat(events(stream)).isEqualTo(1);
    }

    @Test
    void loadingFoldsEveryEventIntoTheState() {
        String stream = UUID.randomUUID().toString();
        increment(stream, 3, context("m", null, "h"));
        increment(stream, 4, context("m", null, "h"));

        var loaded = executor.load(Counter.TYPE, stream).await().indefinitely();
        assertThat(loaded.state().value()).isEqualTo(7);
        assertThat(loaded.version()).isEqualTo(2);
    }

    @Test
    void commandsOnTwoStreamsAreAppendedTogetherOrNotAtAll() {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        increment(b, Counter.LIMIT, context("u", null, "h"));
        // b is at its limit: its command is refused, so a's must not be recorded either
        assertThat(executor.execute(Counter.TYPE, List.of(a, b), context("u", null, "h2"),
                        states -> List.of(new Counter.Increment("MQ", 1), new Counter.Increment("MQ", 1)),
                        outcomes -> "")
                .await().indefinitely()).isInstanceOf(CommandResult.Rejected.class);
        assertThat(events(a)).isZero();

        String both = executor.execute(Counter.TYPE, List.of(a, b), context("u", null, "h3"),
                        states -> List.of(new Counter.Increment("MQ", 2), new Counter.Increment("MQ", -1)),
                        outcomes -> outcomes.get(0).state().value() + "/" + outcomes.get(1).state().value())
                .await().indefinitely().answerOrThrow();
        assertThat(both).isEqualTo("2/" + (Counter.LIMIT - 1));
        assertThat(events(a)).isEqualTo(1);
        assertThat(events(b)).isEqualTo(2);
    }
}
