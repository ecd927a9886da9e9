package fr.hubag.eventsourcing.command;

import fr.hubag.domain.CommandRejected;
import fr.hubag.domain.Ids;
import fr.hubag.eventsourcing.store.ConcurrencyConflict;
import fr.hubag.eventsourcing.metrics.KernelMetrics;
import fr.hubag.eventsourcing.relay.RelayWakeUp;
import fr.hubag.eventsourcing.store.AppendResult;
import fr.hubag.eventsourcing.store.EventEnvelope;
import fr.hubag.eventsourcing.store.EventMetadata;
import fr.hubag.eventsourcing.store.EventStore;
import fr.hubag.eventsourcing.store.EventStore.CommandRead;
import fr.hubag.eventsourcing.store.EventStore.DuplicateIdempotencyKey;
import fr.hubag.eventsourcing.store.EventStore.KeyLookup;
import fr.hubag.eventsourcing.store.EventStore.KeyRecord;
import fr.hubag.eventsourcing.store.NewEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Runs one command end to end for any caller — an HTTP adapter, an import, a job, a reaction to another domain's
 * event — and returns a typed {@link CommandResult}: reads the streams and the idempotency key in one statement,
 * folds, decides, and appends the events together with the key and its answer in one statement (one transaction
 * when several streams change together). A command without an expected version that loses a race on its stream is
 * decided again on the new state, a bounded number of times with jittered back-off, so callers get the domain's
 * answer rather than a transport conflict; a command with one (HTTP {@code If-Match}) keeps its conflict.
 */
@ApplicationScoped
public class CommandExecutor {

    /**
     * The largest event payload appended: well under the broker's default record limit (1 MiB) with room for the
     * CloudEvents headers, so the relay can always publish what was committed.
     */
    public static final int MAX_EVENT_BYTES = 512 * 1024;

    private final Pool pool;
    private final EventStore store;
    private final ConflictRetry retry;
    private final KernelMetrics metrics;
    private final RelayWakeUp relay;

    @Inject
    public CommandExecutor(Pool pool, EventStore store, KernelMetrics metrics, RelayWakeUp relay) {
        this(pool, store, ConflictRetry.DEFAULT, metrics, relay);
    }

    /** For kernel pieces built outside CDI (tests, tools): measures kept in memory, no relay to wake. */
    public CommandExecutor(Pool pool, EventStore store) {
        this(pool, store, ConflictRetry.DEFAULT, KernelMetrics.inMemory(), new RelayWakeUp());
    }

    public CommandExecutor(Pool pool, EventStore store, ConflictRetry retry, KernelMetrics metrics,
                           RelayWakeUp relay) {
        this.pool = pool;
        this.store = store;
        this.retry = retry;
        this.metrics = metrics;
        this.relay = relay;
    }

    /** How often and how patiently a command that lost a race is decided again. */
    public record ConflictRetry(int maxAttempts, Duration firstBackoff, Duration maxBackoff) {
        /** Enough for 64 callers on one stream at once (a popular workshop) to each get a domain answer. */
        public static final ConflictRetry DEFAULT = new ConflictRetry(100, Duration.ofMillis(1), Duration.ofMillis(20));
        public static final ConflictRetry NONE = new ConflictRetry(1, Duration.ZERO, Duration.ZERO);

        /** Full jitter over an exponential window; at least a millisecond (timers have no finer grain). */
        Duration backoff(int attempt) {
            long cap = Math.min(maxBackoff.toMillis(), firstBackoff.toMillis() << Math.min(attempt, 20));
            return Duration.ofMillis(1 + (cap <= 1 ? 0 : ThreadLocalRandom.current().nextLong(cap)));
        }
    }

    /** One command on one stream; the answer remembered for its key is the default summary of what it recorded. */
    public <C, E, S> Uni<CommandResult<S>> execute(AggregateType<C, E, S> type, String streamId, C command,
                                                   CommandContext context) {
        return execute(type, List.of(streamId), context, states -> List.of(command), CommandExecutor::summary);
    }

    /**
     * Runs one command per stream, all recorded together or none (a merge of two actors, a window of an import).
     * {@code commandsFor} builds the commands from the loaded states — it may also check that the caller may act on
     * them (throw to refuse) — and {@code answer} turns the outcomes into the text remembered for the idempotency
     * key (an HTTP adapter stores its response there; a job its summary). The expected version applies to the first
     * stream.
     */
    public <C, E, S> Uni<CommandResult<S>> execute(AggregateType<C, E, S> type, List<String> streamIds,
                                                   CommandContext context, Function<List<S>, List<C>> commandsFor,
                                                   Function<List<CommandOutcome<S>>, String> answer) {
        return execute(type, streamIds, context, commandsFor, answer, null);
    }

    /**
     * Rows of the service's own that must exist exactly when the events do (the look-up table of a quote's pass
     * codes, say): written in the append's transaction, only when the command changed something — not for a
     * replayed key, a rejection or a command that asked for what is already true — and rolled back with the
     * append when it loses a race (the command is then decided, and these rows written, again).
     */
    @FunctionalInterface
    public interface Alongside<S> {
        Uni<Void> write(SqlClient transaction, List<CommandOutcome<S>> changed);
    }

    /** {@link #execute(AggregateType, List, CommandContext, Function, Function)} with rows written alongside. */
    public <C, E, S> Uni<CommandResult<S>> execute(AggregateType<C, E, S> type, List<String> streamIds,
                                                   CommandContext context, Function<List<S>, List<C>> commandsFor,
                                                   Function<List<CommandOutcome<S>>, String> answer,
                                                   Alongside<S> alongside) {
        return execute(type, streamIds, context, commandsFor, answer, alongside, null);
    }

    /**
     * The same with the streams' events already read by the caller, in a statement of its own that needed them
     * anyway (a pass's events read with its code's look-up, {@link EventStore#EVENT_COLUMNS}): the first attempt
     * decides on them instead of reading again — one round trip less. They are as safe as a read of the executor's:
     * the append still claims the version they were folded at, so a stream that moved since loses the race and is
     * read again. A command with an idempotency key decides on them too, its key unread: the append stores the key in
     * the same statement, so a key answered before fails it ({@link DuplicateIdempotencyKey}) and the command is read
     * with its key and answered as the first time; a decision that appends nothing (a rejection, a no-change, a
     * failure) looks the key up before it answers, since that key may hold an earlier answer to replay instead.
     */
    public <C, E, S> Uni<CommandResult<S>> execute(AggregateType<C, E, S> type, List<String> streamIds,
                                                   CommandContext context, Function<List<S>, List<C>> commandsFor,
                                                   Function<List<CommandOutcome<S>>, String> answer,
                                                   Alongside<S> alongside,
                                                   Map<String, List<EventEnvelope>> alreadyRead) {
        long started = System.nanoTime();
        AtomicReference<String> name = new AtomicReference<>("replay");
        Function<List<S>, List<C>> named = states -> {
            List<C> commands = commandsFor.apply(states);
            name.set(commands.isEmpty() ? "none" : commands.get(0).getClass().getSimpleName());
            return commands;
        };
        return attempt(type, streamIds, context, named, answer, alongside, alreadyRead, 1).onItemOrFailure()
                .invoke((result, failure) -> metrics.commandCompleted(type.streamType(), name.get(),
                        outcomeOf(result, failure), System.nanoTime() - started));
    }

    /**
     * A command that creates its stream under an id its caller has just made up (a place registered, a session
     * scheduled, an order quoted): nothing can be stored under it yet, so the first attempt decides on the empty
     * stream without reading it, and the command is one statement, its append — its idempotency key checked by that
     * append (see the {@code alreadyRead} variant). An id taken after all (a client's own id sent again) loses the
     * race and the command is read and decided again. With an expected version (If-Match) it reads as usual: a guess
     * must never answer 409.
     */
    public <C, E, S> Uni<CommandResult<S>> create(AggregateType<C, E, S> type, String newStreamId,
                                                  CommandContext context, Function<List<S>, List<C>> commandsFor,
                                                  Function<List<CommandOutcome<S>>, String> answer,
                                                  Alongside<S> alongside) {
        return execute(type, List.of(newStreamId), context, commandsFor, answer, alongside,
                context.expectedVersion().isPresent() ? null : Map.of(newStreamId, List.of()));
    }

    private static String outcomeOf(CommandResult<?> result, Throwable failure) {
        if (failure != null) {
            return failure instanceof ConcurrencyConflict ? KernelMetrics.CONFLICT
                    : failure instanceof IdempotencyKeyReused ? KernelMetrics.REJECTED : KernelMetrics.FAILED;
        }
        return switch (result) {
            case CommandResult.Decided<?> decided -> decided.changed() ? KernelMetrics.APPENDED_OUTCOME
                    : KernelMetrics.UNCHANGED;
            case CommandResult.Replayed<?> replayed -> KernelMetrics.REPLAYED;
            case CommandResult.Rejected<?> rejected -> KernelMetrics.REJECTED;
        };
    }

    private <C, E, S> Uni<CommandResult<S>> attempt(AggregateType<C, E, S> type, List<String> streamIds,
                                                    CommandContext context, Function<List<S>, List<C>> commandsFor,
                                                    Function<List<CommandOutcome<S>>, String> answer,
                                                    Alongside<S> alongside,
                                                    Map<String, List<EventEnvelope>> alreadyRead, int attempt) {
        KeyLookup lookup = context.hasIdempotencyKey() ? new KeyLookup(scope(context), context.idempotencyKey()) : null;
        boolean preRead = attempt == 1 && alreadyRead != null && alreadyRead.keySet().containsAll(streamIds);
        Uni<CommandRead> reading = preRead
                ? Uni.createFrom().item(new CommandRead(alreadyRead, Optional.empty()))
                : store.read(streamIds, lookup);
        return reading
                .flatMap(read -> decideAndAppend(type, streamIds, context, commandsFor, answer, alongside, read,
                        preRead && lookup != null))
                .onFailure(LostRace.class).transform(lost -> mayRetry(context, attempt) ? lost : lost.getCause())
                .onFailure(failure -> failure instanceof DuplicateIdempotencyKey || failure instanceof LostRace
                        || failure instanceof KeyNotLookedUp)
                // the same key raced us or was answered before (its answer is stored), another command moved the
                // stream, or a decision on a caller's read must know its key's answer first: read again
                .recoverWithUni(failure -> {
                    Uni<CommandResult<S>> again = Uni.createFrom().deferred(
                            () -> attempt(type, streamIds, context, commandsFor, answer, alongside, null,
                                    attempt + 1));
                    return failure instanceof LostRace
                            ? Uni.createFrom().voidItem().onItem().delayIt().by(retry.backoff(attempt))
                                    .flatMap(nothing -> again)
                            : again;
                });
    }

    /**
     * A command decided on its caller's read, its idempotency key not looked up, appends nothing: it is read again
     * with its key, which may hold the answer to give instead (a replay that today would be refused).
     */
    private static final class KeyNotLookedUp extends RuntimeException {
        KeyNotLookedUp() { super("idempotency key not looked up", null, false, false); }
    }

    /** An append found its stream moved on since it was read (not a stale If-Match, which is final). */
    private static final class LostRace extends RuntimeException {
        LostRace(ConcurrencyConflict conflict) { super(conflict.getMessage(), conflict, false, false); }
    }

    private boolean mayRetry(CommandContext context, int attempt) {
        // with If-Match the caller asked to be told of a change (409) — unless its own key won the race meanwhile
        return attempt < retry.maxAttempts() && (context.expectedVersion().isEmpty() || context.hasIdempotencyKey());
    }

    private <C, E, S> Uni<CommandResult<S>> decideAndAppend(AggregateType<C, E, S> type, List<String> streamIds,
                                                            CommandContext context,
                                                            Function<List<S>, List<C>> commandsFor,
                                                            Function<List<CommandOutcome<S>>, String> answer,
                                                            Alongside<S> alongside, CommandRead read,
                                                            boolean keyUnread) {
        if (read.stored().isPresent()) {
            if (!read.stored().get().requestHash().equals(context.requestHash())) {
                throw new IdempotencyKeyReused(context.idempotencyKey());
            }
            return Uni.createFrom().item(new CommandResult.Replayed<>(read.stored().get().answer()));
        }
        List<Loaded<S>> loaded = streamIds.stream().map(id -> fold(type, read.streams().get(id))).toList();
        if (context.expectedVersion().isPresent() && context.expectedVersion().getAsLong() != loaded.get(0).version()) {
            if (keyUnread) {
                throw new KeyNotLookedUp();
            }
            throw new ConcurrencyConflict(streamIds.get(0), context.expectedVersion().getAsLong(),
                    loaded.get(0).version());
        }
        List<CommandOutcome<S>> outcomes = new ArrayList<>();
        try {
            List<C> commands = commandsFor.apply(loaded.stream().map(Loaded::state).toList());
            for (int i = 0; i < streamIds.size(); i++) {
                outcomes.add(decide(type, streamIds.get(i), commands.get(i), loaded.get(i)));
            }
        } catch (RuntimeException failure) {
            if (keyUnread) {
                throw new KeyNotLookedUp();
            }
            if (failure instanceof CommandRejected rejection) {
                return Uni.createFrom().item(new CommandResult.Rejected<>(rejection));
            }
            throw failure;
        }
        if (keyUnread && outcomes.stream().noneMatch(CommandOutcome::changed)) {
            throw new KeyNotLookedUp();
        }
        String answerText = answer.apply(outcomes);
        if (outcomes.stream().noneMatch(CommandOutcome::changed)) {
            // nothing to record (the command asked for what is already true): no statement, no key kept
            return Uni.createFrom().item(new CommandResult.Decided<>(outcomes, answerText));
        }
        EventMetadata metadata = new EventMetadata(context.correlationId(), context.causationId(),
                context.actingUser(), context.idempotencyKey());
        KeyRecord key = context.hasIdempotencyKey()
                ? new KeyRecord(scope(context), context.idempotencyKey(), context.requestHash(), answerText) : null;
        List<CommandOutcome<S>> changed = outcomes.stream().filter(CommandOutcome::changed).toList();
        Uni<?> appended;
        if (changed.size() == 1 && alongside == null) {
            // the common case: one statement, committed on its own — one round trip, one commit
            appended = append(pool, type, changed.get(0), loaded.get(outcomes.indexOf(changed.get(0))), metadata, key);
        } else {
            appended = pool.withTransaction(tx -> {
                // streams are independent: their statements are sent together, pipelined on the one connection
                List<Uni<AppendResult>> appends = new ArrayList<>();
                for (int i = 0; i < changed.size(); i++) {
                    CommandOutcome<S> outcome = changed.get(i);
                    appends.add(append(tx, type, outcome, loaded.get(outcomes.indexOf(outcome)), metadata,
                            i == 0 ? key : null));
                }
                Uni<Void> all = Uni.join().all(appends).andFailFast().replaceWithVoid();
                return alongside == null ? all : all.call(() -> alongside.write(tx, changed));
            });
        }
        long appending = System.nanoTime();
        int count = changed.stream().mapToInt(outcome -> outcome.events().size()).sum();
        return appended.invoke(() -> {
                    metrics.appended(type.streamType(), count, System.nanoTime() - appending);
                    relay.committed();
                })
                .onFailure(ConcurrencyConflict.class).transform(c -> new LostRace((ConcurrencyConflict) c))
                .replaceWith(new CommandResult.Decided<>(outcomes, answerText));
    }

    private <C, E, S> Uni<AppendResult> append(SqlClient client, AggregateType<C, E, S> type,
                                    CommandOutcome<S> outcome, Loaded<S> before, EventMetadata metadata,
                                    KeyRecord key) {
        return store.append(client, outcome.streamId(), type.streamType(), type.territoryOf().apply(outcome.state()),
                before.version(), outcome.events(), metadata, key);
    }

    /** Loads a stream and folds it with the aggregate's decider. */
    public <C, E, S> Uni<Loaded<S>> load(AggregateType<C, E, S> type, String streamId) {
        return store.readStream(streamId).map(envelopes -> fold(type, envelopes));
    }

    /** A folded stream and the version it was folded at. */
    public record Loaded<S>(S state, long version) {}

    private static <C, E, S> Loaded<S> fold(AggregateType<C, E, S> type, List<EventEnvelope> envelopes) {
        S state = type.decider().initialState();
        for (EventEnvelope envelope : envelopes) {
            if (!envelope.streamType().equals(type.streamType())) {
                return new Loaded<>(type.decider().initialState(), 0L);
            }
            state = type.decider().evolve(state,
                    type.codec().decode(envelope.type(), envelope.schemaVersion(), envelope.payload()));
        }
        long version = envelopes.isEmpty() ? 0 : envelopes.get(envelopes.size() - 1).streamVersion();
        return new Loaded<>(state, version);
    }

    private static <C, E, S> CommandOutcome<S> decide(AggregateType<C, E, S> type, String streamId, C command,
                                                      Loaded<S> loaded) {
        List<E> events = type.decider().decide(command, loaded.state());
        S state = loaded.state();
        for (E event : events) {
            state = type.decider().evolve(state, event);
        }
        List<NewEvent> newEvents = events.stream().map(event -> new NewEvent(Ids.timeOrdered(),
                type.codec().typeOf(event), type.codec().schemaVersionOf(event), type.codec().encode(event),
                type.codec().occurredAt(event))).toList();
        for (NewEvent event : newEvents) {
            // an event the broker cannot carry would stop the relay for every later event: it is never appended
            // (a payload of under a third of the limit in chars cannot exceed it in UTF-8 bytes: no encoding then)
            int bytes = event.payload().length() * 3L > MAX_EVENT_BYTES
                    ? event.payload().getBytes(StandardCharsets.UTF_8).length : 0;
            if (bytes > MAX_EVENT_BYTES) {
                throw CommandRejected.unprocessable("event-too-large", null, event.type() + " would take "
                        + bytes / 1024 + " KiB; an event is at most " + MAX_EVENT_BYTES / 1024
                        + " KiB (shorten the longest texts)");
            }
        }
        return new CommandOutcome<>(streamId, loaded.version() + newEvents.size(), state, newEvents, events);
    }

    /** The answer a caller without its own gets for a replay: each stream's new version and event ids. */
    public static <S> String summary(List<CommandOutcome<S>> outcomes) {
        JsonArray streams = new JsonArray();
        outcomes.forEach(outcome -> streams.add(new JsonObject()
                .put("streamId", outcome.streamId())
                .put("version", outcome.version())
                .put("events", new JsonArray(outcome.events().stream().map(e -> e.eventId().toString()).toList()))));
        return new JsonObject().put("streams", streams).encode();
    }

    /** Keys are per caller: two users (or two jobs) may pick the same key without colliding. */
    private static String scope(CommandContext context) {
        return context.actingUser() == null ? "anonymous" : context.actingUser();
    }
}
