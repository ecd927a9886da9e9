package fr.hubag.projection.consuming;

import fr.hubag.eventsourcing.consumer.IdempotentConsumer;
import fr.hubag.projection.actors.projector.ActorsProjector;
import fr.hubag.projection.shared.rebuild.Generations;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where the actors consumer resumes: at the checkpoint its own transactions stored per partition
 * ({@code es_consumer_checkpoints}), in the transaction of the effects, never at the group's Kafka offset (committed
 * apart from the effects, so ahead of or behind them). A partition this consumer never applied anything from is read
 * from its beginning, which is how a new version of the read models rebuilds. Runs on the Kafka polling thread,
 * where blocking briefly is allowed.
 */
@ApplicationScoped
@Identifier(CheckpointSeek.NAME)
public class CheckpointSeek implements KafkaConsumerRebalanceListener {

    public static final String NAME = "actors-checkpoint-seek";
    private static final Logger LOG = Logger.getLogger(CheckpointSeek.class);

    private final IdempotentConsumer consumer;
    private final ConsumerActivity activity;
    private final Generations generations;
    private final ActorsProjector projector;

    public CheckpointSeek(IdempotentConsumer consumer, ConsumerActivity activity, Generations generations,
                          ActorsProjector projector) {
        this.consumer = consumer;
        this.activity = activity;
        this.generations = generations;
        this.projector = projector;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> kafka, Collection<TopicPartition> partitions) {
        activity.assigned(partitions);
        // the live consumer applies to the serving generation, under that generation's consumer name
        String name = generations.load(projector).await().atMost(Duration.ofSeconds(10)).consumer();
        partitions.stream().map(TopicPartition::topic).distinct().forEach(topic -> {
            Map<Integer, Long> checkpoints = consumer.checkpoints(name, topic)
                    .await().atMost(Duration.ofSeconds(10));
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
        });
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> kafka, Collection<TopicPartition> partitions) {
        activity.revoked(partitions);
    }
}
