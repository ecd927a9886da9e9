package fr.hubag.projection.support;

import fr.hubag.eventsourcing.consumer.ConsumedEvent;
import fr.hubag.projection.sessions.projector.SessionsProjector;
import fr.hubag.projection.shared.rebuild.Generations;
import fr.hubag.projection.shared.rebuild.ReadModel;
import io.vertx.mutiny.sqlclient.Pool;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * Applies events the consumer already applied once more, straight to the serving tables and past the consumer's
 * marks: what the statements do on their own when an event comes twice (a rebuild's handover applies some twice).
 */
public final class ApplyAgain {

    private ApplyAgain() {}

    @SafeVarargs
    public static void sessions(Pool pool, SessionsProjector projector, Generations generations,
                                List<ConsumedEvent>... streams) {
        to(pool, projector, generations, streams);
    }

    /**
     * The streams' events applied again straight to the tables, then {@code redeliver}ed through the topic (as Kafka
     * may), once the consumer has caught up with them: what a test then reads must be what it read before.
     */
    public static void andRedelivered(Pool pool, ReadModel model, Generations generations,
                                      List<List<ConsumedEvent>> streams, Runnable redeliver) {
        to(pool, model, generations, streams.toArray(List[]::new));
        redeliver.run();
        CaughtUp.await(pool, generations.serving(model).consumer(), model.topic());
    }

    /** The same for any read model: the streams' events in one transaction, to its serving generation. */
    @SafeVarargs
    public static void to(Pool pool, ReadModel model, Generations generations, List<ConsumedEvent>... streams) {
        List<ConsumedEvent> events = Stream.of(streams).flatMap(List::stream).toList();
        pool.withTransaction(tx -> model.applyAll(tx, events, generations.serving(model)))
                .await().atMost(Duration.ofSeconds(30));
    }
}
