package fr.hubag.localinfra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Creates the platform's topics as soon as the local broker is up, so that consumers subscribe to existing topics
 * and see the first event at once (instead of waiting for a metadata refresh after the relay creates the topic).
 * Its first Admin call also tells {@code ./hub} that the broker really serves requests, not just that its port is
 * open. Needs the broker class path ({@code tools/local-infra/target/kafka-libs}).
 *
 * <p>Usage: {@code LocalKafkaTopics BOOTSTRAP PARTITIONS topic…} (creates the missing ones) or
 * {@code LocalKafkaTopics BOOTSTRAP --list}.
 */
public final class LocalKafkaTopics {

    private LocalKafkaTopics() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: LocalKafkaTopics BOOTSTRAP PARTITIONS topic… | LocalKafkaTopics BOOTSTRAP --list");
            System.exit(2);
        }
        String bootstrap = args[0];
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000))) {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            if (args[1].equals("--list")) {
                new TreeSet<>(existing).forEach(System.out::println);
                return;
            }
            int partitions = Integer.parseInt(args[1]);
            List<NewTopic> missing = List.of(args).subList(2, args.length).stream()
                    .filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, partitions, (short) 1))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
                System.out.println("created topics " + missing.stream().map(NewTopic::name).toList());
            }
        }
    }
}
