package fr.hubag.projection.support;

import fr.hubag.testing.HubInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.Map;

/** One producer to the test broker for the test streams, made on first use and closed with the JVM. */
public final class TopicProducer {

    private static volatile KafkaProducer<String, byte[]> producer;

    private TopicProducer() {}

    public static KafkaProducer<String, byte[]> get() {
        KafkaProducer<String, byte[]> made = producer;
        if (made != null) {
            return made;
        }
        synchronized (TopicProducer.class) {
            if (producer == null) {
                KafkaProducer<String, byte[]> created = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, HubInfrastructure.get().bootstrapServers(),
                        ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer());
                Runtime.getRuntime().addShutdownHook(new Thread(() -> created.close(Duration.ofSeconds(2))));
                producer = created;
            }
            return producer;
        }
    }
}
