package fr.hubag.eventsourcing.consumer;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.Function;

/**
 * Applies each event at most once per consumer although Kafka delivers at least once: in one transaction it marks
 * the event id as processed, runs the effect, and moves the consumer's checkpoint for that partition. An event
 * seen before is skipped (its checkpoint still moves); an effect that fails rolls all three back.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private final Pool pool;

    public IdempotentConsumer(Pool pool) {
        this.pool = pool;
    }

    /** @return true if the effect ran, false if this consumer had already processed the event */
    public Uni<Boolean> process(String consumer, ConsumedEvent event, Function<SqlConnection, Uni<Void>> effect) {
        return pool.withTransaction(tx -> tx.preparedQuery("""
                        INSERT INTO es_processed_events (consumer, event_id) VALUES ($1, $2)
                        ON CONFLICT DO NOTHING""")
                .execute(Tuple.of(consumer, event.eventId()))
                .flatMap(marked -> (marked.rowCount() == 1 ? effect.apply(tx).replaceWith(true)
                        : Uni.createFrom().item(false))
                        .call(() -> tx.preparedQuery("""
                                        INSERT INTO es_consumer_checkpoints (consumer, topic, partition, next_offset)
                                        VALUES ($1, $2, $3, $4)
                                        ON CONFLICT (consumer, topic, partition) DO UPDATE
                                           SET next_offset = GREATEST(es_consumer_checkpoints.next_offset,
                                                                      EXCLUDED.next_offset),
                                               updated_at = now()""")
                                .execute(Tuple.of(consumer, event.topic(), event.partition(), event.offset() + 1)))));
    }
}
