package fr.hubag.projection.shared.batch;

import fr.hubag.domain.Territory;
import fr.hubag.eventsourcing.consumer.ConsumedEvent;
import fr.hubag.projection.shared.Scope;
import fr.hubag.projection.shared.rebuild.Generation;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * How a projector applies a poll: in rounds ({@link StatementBatches#rounds}), each event's change run in the
 * schema of its territory and in {@code hub}'s, of the target generation, never in another territory's. A projector
 * says only what an event changes given a schema ({@code null}: nothing, a type it does not use). Both projectors
 * (actors, sessions) apply through it.
 */
public final class ScopedStatements {

    private static final Logger LOG = Logger.getLogger(ScopedStatements.class);

    private ScopedStatements() {}

    public static Uni<Void> apply(SqlConnection tx, List<ConsumedEvent> events, Generation target,
                                  Function<ConsumedEvent, Function<String, List<Statement>>> change) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (List<ConsumedEvent> round : StatementBatches.rounds(events)) {
            chain = chain.chain(() -> StatementBatches.run(tx, sequences(round, target, change)));
        }
        return chain;
    }

    private static List<List<Statement>> sequences(List<ConsumedEvent> round, Generation target,
                                                   Function<ConsumedEvent, Function<String, List<Statement>>> change) {
        List<List<Statement>> sequences = new ArrayList<>(round.size() * 2);
        for (ConsumedEvent event : round) {
            Territory territory = Territory.parse(event.territory()).orElse(null);
            if (territory == null) {
                LOG.warnf("event %s has no hub territory (%s); skipped", event.eventId(), event.territory());
                continue;
            }
            Function<String, List<Statement>> statements = change.apply(event);
            if (statements == null) {
                continue;
            }
            for (Scope scope : List.of(Scope.of(territory), Scope.HUB)) {
                sequences.add(statements.apply(target.schema(scope.schema())));
            }
        }
        return sequences;
    }
}
