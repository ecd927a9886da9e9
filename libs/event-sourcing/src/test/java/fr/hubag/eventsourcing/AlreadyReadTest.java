package fr.hubag.eventsourcing;

import fr.hubag.eventsourcing.command.CommandContext;
import fr.hubag.eventsourcing.command.CommandResult;
import fr.hubag.eventsourcing.command.IdempotencyKeyReused;
import fr.hubag.eventsourcing.store.EventEnvelope;
import fr.hubag.eventsourcing.store.EventStore;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A command given the streams its caller already read (with a look-up of its own, one round trip less) decides on
 * them; if they were stale, the append loses the race and the command is read and decided again, so the answer is the
 * same as without them. A command with an idempotency key decides on them too and stores its key with the append:
 * a key answered before fails that append, and the command is answered as the first time.
 */
class AlreadyReadTest extends KernelTest {

    private static final CommandContext NO_KEY = new CommandContext("c", "c", "m", null, null, OptionalLong.empty());

    @Test
    void aCommandDecidesOnceOnTheStreamItsCallerReadWithItsOwnStatement() {
        String stream = stream(3, 4);
        AtomicInteger decided = new AtomicInteger();

        CommandResult<Counter.State> result = run(stream, 1, readAlong(stream), NO_KEY, decided);

        assertThat(((CommandResult.Decided<Counter.State>) result).first().state().value()).isEqualTo(8);
        assertThat(((CommandResult.Decided<Counter.State>) result).first().version()).isEqualTo(3);
        assertThat(decided).hasValue(1);
        assertThat(events(stream)).isEqualTo(3);
    }

    @Test
    void aStaleReadLosesTheRaceAndTheCommandIsDecidedAgainOnTheStream() {
        String stream = stream(3, 4);
        List<EventEnvelope> stale = readAlong(stream).subList(0, 1);
        AtomicInteger decided = new AtomicInteger();

        CommandResult<Counter.State> result = run(stream, 1, stale, NO_KEY, decided);

        // decided first on the stale read (version 1), then on the stream as it is (version 2): one event appended
        assertThat(decided).hasValue(2);
        assertThat(((CommandResult.Decided<Counter.State>) result).first().state().value()).isEqualTo(8);
        assertThat(events(stream)).isEqualTo(3);
    }

    @Test
    void aCommandWithAnIdempotencyKeyDecidesOnTheCallersReadAndStoresItsKeyWithTheAppend() {
        String stream = stream(3, 4);
        AtomicInteger decided = new AtomicInteger();
        CommandContext keyed = keyed(stream, "hash");

        CommandResult<Counter.State> result = run(stream, 1, readAlong(stream), keyed, decided);

        assertThat(decided).hasValue(1);
        assertThat(((CommandResult.Decided<Counter.State>) result).first().state().value()).isEqualTo(8);
        assertThat(db.pool.preparedQuery("SELECT count(*) FROM es_idempotency_keys WHERE idempotency_key = $1")
                .execute(Tuple.of(keyed.idempotencyKey())).await().indefinitely().iterator().next().getLong(0))
                .isEqualTo(1);
    }

    @Test
    void aReplayedKeyFailsTheOptimisticAppendAndGetsTheFirstAnswer() {
        String stream = stream(3, 4);
        AtomicInteger decided = new AtomicInteger();
        CommandContext keyed = keyed(stream, "hash");
        run(stream, 1, readAlong(stream), keyed, decided);

        CommandResult<Counter.State> replayed = run(stream, 1, readAlong(stream), keyed, decided);

        // decided on the fresh read, its append refused by the stored key, then answered from the key
        assertThat(replayed).isInstanceOf(CommandResult.Replayed.class);
        assertThat(events(stream)).isEqualTo(3);
    }

    @Test
    void aReplayedKeyWhoseDecisionWouldNowBeARefusalStillGetsTheFirstAnswer() {
        String stream = stream(3, 4);
        CommandContext keyed = keyed(stream, "hash");
        run(stream, 1, readAlong(stream), keyed, new AtomicInteger());

        // the same key once more, decided on a read where it would be refused (over the counter's limit)
        CommandResult<Counter.State> replayed = run(stream, Counter.LIMIT, readAlong(stream), keyed,
                new AtomicInteger());

        assertThat(replayed).isInstanceOf(CommandResult.Replayed.class);
        assertThat(events(stream)).isEqualTo(3);
    }

    @Test
    void aKeyReusedForAnotherRequestIsRefusedAfterTheOptimisticAppendFails() {
        String stream = stream(3, 4);
        run(stream, 1, readAlong(stream), keyed(stream, "hash"), new AtomicInteger());

        assertThatThrownBy(() -> run(stream, 1, readAlong(stream), keyed(stream, "another"), new AtomicInteger()))
                .isInstanceOf(IdempotencyKeyReused.class);
        assertThat(events(stream)).isEqualTo(3);
    }

    @Test
    void aCommandCreatingItsStreamUnderANewIdDecidesOnceOnTheEmptyStreamUnread() {
        String stream = UUID.randomUUID().toString();
        AtomicInteger decided = new AtomicInteger();

        CommandResult<Counter.State> result = create(stream, keyed(stream, "hash"), decided);

        assertThat(decided).hasValue(1);
        assertThat(((CommandResult.Decided<Counter.State>) result).first().version()).isEqualTo(1);
        assertThat(events(stream)).isEqualTo(1);
        assertThat(create(stream, keyed(stream, "hash"), decided)).isInstanceOf(CommandResult.Replayed.class);
        assertThat(events(stream)).isEqualTo(1);
    }

    @Test
    void anIdTakenAfterAllLosesTheRaceAndTheCommandIsDecidedOnTheStream() {
        String stream = stream(3, 4);
        AtomicInteger decided = new AtomicInteger();

        CommandResult<Counter.State> result = create(stream, NO_KEY, decided);

        assertThat(decided).hasValue(2);
        assertThat(((CommandResult.Decided<Counter.State>) result).first().state().value()).isEqualTo(8);
        assertThat(events(stream)).isEqualTo(3);
    }

    @Test
    void anExpectedVersionIsCheckedAgainstTheStreamNeverAgainstTheGuess() {
        String stream = stream(3, 4);
        AtomicInteger decided = new AtomicInteger();
        CommandContext ifMatch = new CommandContext("c", "c", "m", null, null, OptionalLong.of(2));

        CommandResult<Counter.State> result = create(stream, ifMatch, decided);

        assertThat(decided).hasValue(1);
        assertThat(((CommandResult.Decided<Counter.State>) result).first().version()).isEqualTo(3);
    }

    private static CommandResult<Counter.State> create(String stream, CommandContext context, AtomicInteger decided) {
        return executor.create(Counter.TYPE, stream, context, states -> {
            decided.incrementAndGet();
            return List.of(new Counter.Increment("MQ", 1));
        }, outcomes -> "{}", null).await().indefinitely();
    }

    private static CommandContext keyed(String stream, String requestHash) {
        return new CommandContext("c", "c", "m", "key-" + stream, requestHash, OptionalLong.empty());
    }

    private static String stream(int... increments) {
        String stream = UUID.randomUUID().toString();
        for (int by : increments) {
            run(stream, by, null, NO_KEY, new AtomicInteger());
        }
        return stream;
    }

    private static CommandResult<Counter.State> run(String stream, int by, List<EventEnvelope> alreadyRead,
                                                    CommandContext context, AtomicInteger decided) {
        return executor.execute(Counter.TYPE, List.of(stream), context, states -> {
                    decided.incrementAndGet();
                    return List.of(new Counter.Increment("MQ", by));
                }, outcomes -> "{}", null, alreadyRead == null ? null : Map.of(stream, alreadyRead))
                .await().indefinitely();
    }

    /** The stream read as a service reads it along with its own look-up, with the kernel's columns. */
    private static List<EventEnvelope> readAlong(String stream) {
        List<EventEnvelope> events = new ArrayList<>();
        for (Row row : db.pool.preparedQuery("SELECT " + EventStore.EVENT_COLUMNS + " FROM " + EventStore.EVENT_SOURCE
                + " WHERE e.stream_id = $1 ORDER BY e.stream_version").execute(Tuple.of(stream)).await().indefinitely()) {
            events.add(EventStore.envelope(row));
        }
        return events;
    }
}
