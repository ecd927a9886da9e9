package fr.hubag.projection.sessions.projector;

import fr.hubag.eventsourcing.consumer.IdempotentConsumer;
import fr.hubag.projection.shared.rebuild.Generations;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where the sessions consumer resumes: at the checkpoint stored with its effects, or at the beginning of a partition
 * it never applied anything from — as the actors consumer does ({@code consuming.CheckpointSeek}), under the serving
 * generation's consumer name. Runs on the Kafka polling thread, where blocking briefly is allowed.
 */
@ApplicationScoped
@Identifier(SessionsCheckpointSeek.NAME)
public class SessionsCheckpointSeek implements KafkaConsumerRebalanceListener {

    public static final String NAME = "sessions-checkpoint-seek";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final IdempotentConsumer consumer;
    private final Generations generations;
    private final SessionsProjector projector;

    public SessionsCheckpointSeek(IdempotentConsumer consumer, Generations generations, SessionsProjector projector) {
        this.consumer = consumer;
        this.generations = generations;
        this.projector = projector;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> kafka, Collection<TopicPartition> partitions) {
        String name = generations.load(projector).await().atMost(WAIT).consumer();
        Map<Integer, Long> checkpoints = consumer.checkpoints(name, projector.topic()).await().atMost(WAIT);
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
