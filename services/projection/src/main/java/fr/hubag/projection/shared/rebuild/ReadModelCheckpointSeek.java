package fr.hubag.projection.shared.rebuild;

import fr.hubag.eventsourcing.consumer.IdempotentConsumer;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where a read model's live consumer resumes: at the checkpoint stored with its effects, or at the beginning of a
 * partition it never applied anything from — as the actors consumer does ({@code consuming.CheckpointSeek}), under
 * the serving generation's consumer name. Each read model's listener is this with its own {@code @Identifier}
 * (sessions, vouchers). Runs on the Kafka polling thread, where blocking briefly is allowed.
 */
public abstract class ReadModelCheckpointSeek implements KafkaConsumerRebalanceListener {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final IdempotentConsumer consumer;
    private final Generations generations;
    private final ReadModel model;

    /** For the client proxy of an application-scoped subclass only. */
    protected ReadModelCheckpointSeek() {
        this(null, null, null);
    }

    protected ReadModelCheckpointSeek(IdempotentConsumer consumer, Generations generations, ReadModel model) {
        this.consumer = consumer;
        this.generations = generations;
        this.model = model;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> kafka, Collection<TopicPartition> partitions) {
        String name = generations.load(model).await().atMost(WAIT).consumer();
        Map<Integer, Long> checkpoints = consumer.checkpoints(name, model.topic()).await().atMost(WAIT);
        for (TopicPartition partition : partitions) {
            Long next = checkpoints.get(partition.partition());
            if (next != null) {
                kafka.seek(partition, next);
            } else {
                kafka.seekToBeginning(List.of(partition));
            }
        }
    }
}
