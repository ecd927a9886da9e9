package fr.hubag.projection.support;

import fr.hubag.testing.HubInfrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Waits until a consumer's checkpoints, stored with its effects, reach the end of every partition of its topic: all
 * that was sent is applied (or dropped as a duplicate). What a test needs before it says "nothing changed".
 */
public final class CaughtUp {

    private CaughtUp() {}

    public static void await(Pool pool, String consumer, String topic) {
        Map<Integer, Long> ends = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> kafka = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, HubInfrastructure.get().bootstrapServers()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = kafka.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            kafka.endOffsets(partitions).forEach((partition, end) -> ends.put(partition.partition(), end));
        }
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            Map<Integer, Long> applied = new HashMap<>();
            for (Row row : pool.preparedQuery("SELECT partition, next_offset FROM es_consumer_checkpoints "
                    + "WHERE consumer = $1 AND topic = $2").execute(Tuple.of(consumer, topic))
                    .await().atMost(Duration.ofSeconds(5))) {
                applied.put(row.getInteger(0), row.getLong(1));
            }
            if (ends.entrySet().stream().allMatch(e -> e.getValue() == 0
                    || applied.getOrDefault(e.getKey(), 0L) >= e.getValue())) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError(consumer + " did not reach the end of " + topic + " in 20 s");
    }
}
