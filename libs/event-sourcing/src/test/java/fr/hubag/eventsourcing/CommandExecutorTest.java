package fr.hubag.eventsourcing;

import fr.hubag.eventsourcing.command.CommandContext;
import fr.hubag.eventsourcing.command.CommandExecutor;
import fr.hubag.eventsourcing.command.CommandResponse;
import fr.hubag.eventsourcing.command.IdempotencyKeyReused;
import fr.hubag.domain.CommandRejected;
import fr.hubag.eventsourcing.store.ConcurrencyConflict;
import fr.hubag.eventsourcing.store.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rule 6: a command retried with the same Idempotency-Key is applied once and answered the same way. */
class CommandExecutorTest {

    static KernelFixture db;
    static CommandExecutor executor;

    @BeforeAll
    static void start() {
        db = new KernelFixture();
        executor = new CommandExecutor(db.pool, new EventStore(db.pool));
    }

    @AfterAll
    static void stop() { db.close(); }

    static CommandContext context(String user, String key, String requestHash) {
        return new CommandContext("corr", "cause", user, key, requestHash, OptionalLong.empty());
    }

    CommandResponse increment(String stream, int by, CommandContext context) {
        return executor.execute(Counter.TYPE, stream, new Counter.Increment("MQ", by), context, state -> { },
                outcome -> new CommandResponse(201, Map.of("ETag", "\"" + outcome.version() + "\""),
                        "{\"value\":" + outcome.state().value() + ",\"id\":\"" + UUID.randomUUID() + "\"}"))
                .await().indefinitely();
    }

    long events(String stream) {
        return db.count("SELECT count(*) FROM es_events WHERE stream_id = '" + stream + "'");
    }

    @Test
    void aReplayWithTheSameKeyAndRequestReturnsTheFirstResponseAndAppendsOnce() {
        String stream = UUID.randomUUID().toString();
        CommandResponse first = increment(stream, 5, context("mediator-1", "key-1", "hash-a"));
        CommandResponse replay = increment(stream, 5, context("mediator-1", "key-1", "hash-a"));

        assertThat(replay).isEqualTo(first);
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
        List<Callable<CommandResponse>> retries = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            retries.add(() -> increment(stream, 2, context("mediator-1", "flaky-network", "same")));
        }
        List<CommandResponse> answers = new ArrayList<>();
        for (Future<CommandResponse> answer : threads.invokeAll(retries)) {
            answers.add(answer.get());
        }
        threads.shutdown();

        assertThat(answers).allSatisfy(answer -> assertThat(answer).isEqualTo(answers.get(0)));
        assertThat(events(stream)).isEqualTo(2);
    }

    @Test
    void aRejectedCommandStoresNothingNotEvenItsKey() {
        String stream = UUID.randomUUID().toString();
        assertThatThrownBy(() -> increment(stream, Counter.LIMIT + 1, context("m", "key-3", "h")))
                .isInstanceOf(CommandRejected.class);

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
        assertThatThrownBy(() -> executor.executeTogether(Counter.TYPE, List.of(a, b), context("u", null, "h2"),
                        states -> List.of(new Counter.Increment("MQ", 1), new Counter.Increment("MQ", 1)),
                        outcomes -> new CommandResponse(200, Map.of(), null))
                .await().indefinitely()).isInstanceOf(CommandRejected.class);
        assertThat(events(a)).isZero();

        CommandResponse both = executor.executeTogether(Counter.TYPE, List.of(a, b), context("u", null, "h3"),
                        states -> List.of(new Counter.Increment("MQ", 2), new Counter.Increment("MQ", -1)),
                        outcomes -> new CommandResponse(200, Map.of(), outcomes.get(0).state().value() + "/"
                                + outcomes.get(1).state().value()))
                .await().indefinitely();
        assertThat(both.body()).isEqualTo("2/" + (Counter.LIMIT - 1));
        assertThat(events(a)).isEqualTo(1);
        assertThat(events(b)).isEqualTo(2);
    }
}
