package fr.hubag.projection.consuming;

import fr.hubag.eventsourcing.consumer.IdempotentConsumer;
import fr.hubag.projection.shared.rebuild.Generations;
import fr.hubag.projection.shared.rebuild.ReadModel;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where a read model's live consumer resumes: at the checkpoint its own transactions stored per partition
 * ({@code es_consumer_checkpoints}), in the transaction of the effects, under the serving generation's consumer name
 * — never at the group's Kafka offset (committed apart from the effects, so ahead of or behind them). A partition
 * the consumer never applied anything from is read from its beginning, which is how a new version of the read
 * models rebuilds. It also keeps what {@link ConsumingHealthCheck} reports for the channel. Runs on the Kafka
 * polling thread, where blocking briefly is allowed. One subclass per slice, named by its channel's
 * {@code consumer-rebalance-listener.name}, a {@code @Singleton} (its final state needs no client proxy).
 */
public abstract class CheckpointSeek implements KafkaConsumerRebalanceListener {

    private static final Logger LOG = Logger.getLogger(CheckpointSeek.class);
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final String channel;
    private final IdempotentConsumer consumer;
    private final Generations generations;
    private final ReadModel model;
    private final ConsumerActivity activity = new ConsumerActivity();

    protected CheckpointSeek(String channel, IdempotentConsumer consumer, Generations generations, ReadModel model) {
        this.channel = channel;
        this.consumer = consumer;
        this.generations = generations;
        this.model = model;
    }

    /** The incoming channel whose consumer this listener positions. */
    public String channel() { return channel; }

    /** The read model it feeds: {@code actors}, {@code sessions}. */
    public String readModel() { return model.name(); }

    /** Why its live polls can no longer be applied (a transaction failed after its retries), or null. */
    public Throwable liveFailure() { return generations.liveFailure(model); }

    ConsumerActivity activity() { return activity; }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> kafka, Collection<TopicPartition> partitions) {
        activity.assigned(partitions);
        String name = generations.load(model).await().atMost(WAIT).consumer();
        for (String topic : partitions.stream().map(TopicPartition::topic).distinct().toList()) {
            Map<Integer, Long> checkpoints = consumer.checkpoints(name, topic).await().atMost(WAIT);
            for (TopicPartition partition : partitions) {
                if (!partition.topic().equals(topic)) {
                    continue;
                }
                Long next = checkpoints.get(partition.partition());
                if (next != null) {
                    kafka.seek(partition, next);
                } else {
                    kafka.seekToBeginning(List.of(partition));
                }
                LOG.debugf("%s: resuming at %s", partition, next == null ? "the beginning" : "checkpoint " + next);
            }
        }
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> kafka, Collection<TopicPartition> partitions) {
        activity.revoked(partitions);
    }
}
