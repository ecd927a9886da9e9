package fr.hubag.localinfra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Creates the platform's topics as soon as the local broker is up, so that consumers subscribe to existing topics
 * and see the first event at once (instead of waiting for a metadata refresh after the relay creates the topic).
 *
 * <p>Usage: {@code LocalKafkaTopics BOOTSTRAP PARTITIONS topic…}
 */
public final class LocalKafkaTopics {

    private LocalKafkaTopics() {}

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        int partitions = Integer.parseInt(args[1]);
        List<String> topics = List.of(args).subList(2, args.length);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, partitions, (short) 1)).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
                System.out.println("created topics " + missing.stream().map(NewTopic::name).toList());
            }
        }
    }
}
