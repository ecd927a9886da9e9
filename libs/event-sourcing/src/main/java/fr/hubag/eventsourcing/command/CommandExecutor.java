package fr.hubag.eventsourcing.command;

import fr.hubag.eventsourcing.store.AppendResult;
import fr.hubag.eventsourcing.store.ConcurrencyConflict;
import fr.hubag.eventsourcing.store.EventEnvelope;
import fr.hubag.eventsourcing.store.EventMetadata;
import fr.hubag.eventsourcing.store.EventStore;
import fr.hubag.eventsourcing.store.NewEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs one command end to end: replays a known idempotency key, loads and folds the stream, lets the caller
 * authorise against the current state, decides, and appends the events together with the idempotency record in
 * one transaction. Every write service goes through here, so the rules (expected version, idempotency, metadata)
 * are kept once.
 */
@ApplicationScoped
public class CommandExecutor {

    private final Pool pool;
    private final EventStore store;

    public CommandExecutor(Pool pool, EventStore store) {
        this.pool = pool;
        this.store = store;
    }

    /**
     * @param guard   checks the caller may act on the current state (throws to refuse); runs before deciding
     * @param respond turns the outcome into the HTTP answer that is also stored for idempotent replays
     */
    public <C, E, S> Uni<CommandResponse> execute(AggregateType<C, E, S> type, String streamId, C command,
                                                  CommandContext context, Consumer<S> guard,
                                                  Function<CommandOutcome<S>, CommandResponse> respond) {
        return executeTogether(type, List.of(streamId), context, states -> {
            guard.accept(states.get(0));
            return List.of(command);
        }, outcomes -> respond.apply(outcomes.get(0)));
    }

    /**
     * Runs one command per stream, all appended in one transaction or none (a merge of two actors, say). The
     * commands are built from the loaded states, so they can carry what one stream knows to the other; a stale
     * expected version on any stream rolls back them all. {@code If-Match} applies to the first stream.
     */
    public <C, E, S> Uni<CommandResponse> executeTogether(AggregateType<C, E, S> type, List<String> streamIds,
                                                          CommandContext context,
                                                          Function<List<S>, List<C>> commandsFor,
                                                          Function<List<CommandOutcome<S>>, CommandResponse> respond) {
        return replay(context).flatMap(previous -> previous.isPresent()
                ? Uni.createFrom().item(previous.get())
                : decideAndAppend(type, streamIds, context, commandsFor, respond)
                        .onFailure(failure -> failure instanceof DuplicateKey
                                || failure instanceof ConcurrencyConflict && context.hasIdempotencyKey())
                        .recoverWithUni(failure -> replay(context).map(stored -> {
                            // the same key raced us: answer what the winner answered; otherwise a real conflict
                            if (stored.isPresent()) {
                                return stored.get();
                            }
                            if (failure instanceof ConcurrencyConflict conflict) {
                                throw conflict;
                            }
                            throw new IllegalStateException("idempotency record vanished: " + context.idempotencyKey());
                        })));
    }

    /** Loads a stream and folds it with the aggregate's decider. */
    public <C, E, S> Uni<Loaded<S>> load(AggregateType<C, E, S> type, String streamId) {
        return store.readStream(streamId).map(envelopes -> {
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
        });
    }

    /** A folded stream and the version it was folded at. */
    public record Loaded<S>(S state, long version) {}

    private <C, E, S> Uni<CommandResponse> decideAndAppend(AggregateType<C, E, S> type, List<String> streamIds,
                                                           CommandContext context,
                                                           Function<List<S>, List<C>> commandsFor,
                                                           Function<List<CommandOutcome<S>>, CommandResponse> respond) {
        List<Uni<Loaded<S>>> loads = streamIds.stream().map(id -> load(type, id)).toList();
        return Uni.join().all(loads).andFailFast().flatMap(loaded -> {
            List<C> commands = commandsFor.apply(loaded.stream().map(Loaded::state).toList());
            if (context.expectedVersion().isPresent()
                    && context.expectedVersion().getAsLong() != loaded.get(0).version()) {
                throw new ConcurrencyConflict(streamIds.get(0), context.expectedVersion().getAsLong(),
                        loaded.get(0).version());
            }
            List<Decided<E, S>> decided = new ArrayList<>();
            for (int i = 0; i < streamIds.size(); i++) {
                decided.add(decide(type, commands.get(i), loaded.get(i)));
            }
            if (decided.stream().allMatch(d -> d.events().isEmpty())) {
                // nothing to record (the command asked for what is already true): no transaction, no key kept
                List<CommandOutcome<S>> unchanged = new ArrayList<>();
                for (int i = 0; i < streamIds.size(); i++) {
                    unchanged.add(new CommandOutcome<>(streamIds.get(i), loaded.get(i).version(),
                            decided.get(i).after(), List.of()));
                }
                return Uni.createFrom().item(respond.apply(unchanged));
            }
            EventMetadata metadata = new EventMetadata(context.correlationId(), context.causationId(),
                    context.actingUser(), context.idempotencyKey());
            return pool.withTransaction(tx -> {
                // streams are independent: their appends are sent together (pipelined on the one connection)
                List<Uni<CommandOutcome<S>>> appends = new ArrayList<>();
                for (int i = 0; i < streamIds.size(); i++) {
                    int index = i;
                    appends.add(store.append(tx, streamIds.get(index), type.streamType(),
                                    type.territoryOf().apply(decided.get(index).after()), loaded.get(index).version(),
                                    decided.get(index).newEvents(), metadata)
                            .map(appended -> outcome(appended, decided.get(index).after())));
                }
                return Uni.join().all(appends).andFailFast().flatMap(outcomes -> {
                    CommandResponse response = respond.apply(outcomes);
                    return remember(tx, context, response).replaceWith(response);
                });
            });
        });
    }

    private static <C, E, S> Decided<E, S> decide(AggregateType<C, E, S> type, C command, Loaded<S> loaded) {
        List<E> events = type.decider().decide(command, loaded.state());
        S state = loaded.state();
        for (E event : events) {
            state = type.decider().evolve(state, event);
        }
        List<NewEvent> newEvents = events.stream().map(event -> new NewEvent(UUID.randomUUID(),
                type.codec().typeOf(event), type.codec().schemaVersionOf(event), type.codec().encode(event),
                type.codec().occurredAt(event))).toList();
        return new Decided<>(events, newEvents, state);
    }

    private record Decided<E, S>(List<E> events, List<NewEvent> newEvents, S after) {}

    private static <S> CommandOutcome<S> outcome(AppendResult appended, S state) {
        return new CommandOutcome<>(appended.streamId(), appended.newVersion(), state, appended.events());
    }

    private Uni<Optional<CommandResponse>> replay(CommandContext context) {
        if (!context.hasIdempotencyKey()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return pool.preparedQuery("""
                        SELECT request_hash, status, headers, body FROM es_idempotency_keys
                         WHERE scope = $1 AND idempotency_key = $2""")
                .execute(Tuple.of(scope(context), context.idempotencyKey()))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Optional.empty();
                    }
                    Row row = rows.iterator().next();
                    if (!row.getString("request_hash").equals(context.requestHash())) {
                        throw new IdempotencyKeyReused(context.idempotencyKey());
                    }
                    Map<String, String> headers = new HashMap<>();
                    row.getJsonObject("headers").forEach(e -> headers.put(e.getKey(), String.valueOf(e.getValue())));
                    return Optional.of(new CommandResponse(row.getInteger("status"), headers, row.getString("body")));
                });
    }

    private Uni<Void> remember(SqlClient tx, CommandContext context, CommandResponse response) {
        if (!context.hasIdempotencyKey()) {
            return Uni.createFrom().voidItem();
        }
        JsonObject headers = new JsonObject();
        response.headers().forEach(headers::put);
        return tx.preparedQuery("""
                        INSERT INTO es_idempotency_keys (scope, idempotency_key, request_hash, status, headers, body)
                        VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING""")
                .execute(Tuple.from(List.of(scope(context), context.idempotencyKey(), context.requestHash(),
                        response.status(), headers, response.body() == null ? "" : response.body())))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        // a concurrent request with the same key committed first: roll back and replay its answer
                        throw new DuplicateKey();
                    }
                    return null;
                });
    }

    /** Keys are per caller: two users may pick the same key without colliding. */
    private static String scope(CommandContext context) {
        return context.actingUser() == null ? "anonymous" : context.actingUser();
    }

    private static final class DuplicateKey extends RuntimeException {
        DuplicateKey() { super(null, null, false, false); }
    }
}
