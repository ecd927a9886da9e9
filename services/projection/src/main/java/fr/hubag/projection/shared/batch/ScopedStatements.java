package fr.hubag.projection.shared.batch;

import fr.hubag.domain.Territory;
import fr.hubag.eventsourcing.consumer.BatchEffect;
import fr.hubag.eventsourcing.consumer.ConsumedEvent;
import fr.hubag.projection.shared.Scope;
import fr.hubag.projection.shared.rebuild.Generation;
import fr.hubag.projection.shared.rebuild.ReadModel;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How a projector applies a poll: in rounds ({@link StatementBatches#rounds}), each event's change run in the
 * schema of its territory and in {@code hub}'s, of the target generation, never in another territory's; only in its
 * territory's when the hub's tables are views uniting the territories' ({@link ReadModel#hubUnitesTerritories}). A
 * projector says only what an event changes given a schema ({@code null}: nothing, a type it does not use). Every
 * scoped projector (actors, sessions, vouchers) applies through it.
 *
 * <p>{@link #prepare} computes the statements of a poll's events before its transaction, on the caller's thread
 * (decoding the payloads and building the rows is most of the JVM's share of applying a poll): a rebuild prepares
 * the next poll while PostgreSQL writes the current one. Whatever the database then says is new is applied from
 * what was prepared; an event whose preparation failed fails the poll as it would have inside the transaction.
 */
public final class ScopedStatements {

    private static final Logger LOG = Logger.getLogger(ScopedStatements.class);

    private ScopedStatements() {}

    public static Uni<Void> apply(SqlConnection tx, List<ConsumedEvent> events, ReadModel model, Generation target,
                                  Function<ConsumedEvent, Function<String, List<Statement>>> change) {
        return prepare(events, model, target, change).apply(tx, events);
    }

    /** The statements of {@code events} computed now; the effect runs those of the events it is given. */
    public static BatchEffect prepare(List<ConsumedEvent> events, ReadModel model, Generation target,
                                      Function<ConsumedEvent, Function<String, List<Statement>>> change) {
        boolean hubWritten = !model.hubUnitesTerritories();
        Map<ConsumedEvent, Prepared> prepared = new IdentityHashMap<>(events.size() * 2);
        for (ConsumedEvent event : events) {
            prepared.put(event, Prepared.of(event, target, hubWritten, change));
        }
        return (tx, fresh) -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (List<ConsumedEvent> round : StatementBatches.rounds(fresh)) {
                chain = chain.chain(() -> {
                    List<List<Statement>> sequences = new ArrayList<>(round.size() * 2);
                    for (ConsumedEvent event : round) {
                        Prepared statements = prepared.get(event);
                        if (statements == null) { // not among those prepared: computed now
                            statements = Prepared.of(event, target, hubWritten, change);
                        }
                        if (statements.failure() != null) {
                            return Uni.createFrom().failure(statements.failure());
                        }
                        sequences.addAll(statements.sequences());
                    }
                    return StatementBatches.run(tx, sequences);
                });
            }
            return chain;
        };
    }

    /** One event's statements, one sequence per schema it writes; or why they could not be computed. */
    private record Prepared(List<List<Statement>> sequences, RuntimeException failure) {

        static Prepared of(ConsumedEvent event, Generation target, boolean hubWritten,
                           Function<ConsumedEvent, Function<String, List<Statement>>> change) {
            Territory territory = Territory.parse(event.territory()).orElse(null);
            if (territory == null) {
                LOG.warnf("event %s has no hub territory (%s); skipped", event.eventId(), event.territory());
                return new Prepared(List.of(), null);
            }
            try {
                Function<String, List<Statement>> statements = change.apply(event);
                if (statements == null) {
                    return new Prepared(List.of(), null);
                }
                List<List<Statement>> sequences = new ArrayList<>(2);
                List<Scope> scopes = hubWritten ? List.of(Scope.of(territory), Scope.HUB)
                        : List.of(Scope.of(territory));
                for (Scope scope : scopes) {
                    sequences.add(statements.apply(target.schema(scope.schema())));
                }
                return new Prepared(sequences, null);
            } catch (RuntimeException e) {
                return new Prepared(List.of(), e);
            }
        }
    }
}
