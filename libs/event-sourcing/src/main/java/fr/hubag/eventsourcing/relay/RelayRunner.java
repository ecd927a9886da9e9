package fr.hubag.eventsourcing.relay;

import fr.hubag.eventsourcing.metrics.KernelMetrics;
import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a service's {@link EventRelay} in the background when {@code hub.relay.enabled=true}: creates the topic if
 * it is missing, then publishes batch after batch, polling every {@code hub.relay.idle-poll} when there is nothing
 * new and backing off after a failure. The producer is idempotent with {@code acks=all}.
 *
 * <p>It also measures the relay's backlog for {@link KernelMetrics} (at most once a second while publishing, every
 * {@code hub.relay.lag-interval} when the relay is off), so a service whose events pile up shows it.
 */
@ApplicationScoped
public class RelayRunner {

    private static final Logger LOG = Logger.getLogger(RelayRunner.class);

    private final DataSource dataSource;
    private final boolean enabled;
    private final String bootstrapServers;
    private final RelaySettings settings;
    private final int partitions;
    private final Duration lagInterval;
    private final KernelMetrics metrics;
    private final OpenTelemetry openTelemetry;
    private final RelayWakeUp wakeUp;
    private final Duration gather;
    private final AtomicLong published = new AtomicLong();
    private volatile long lastMeasure;
    private volatile Instant lastSuccess = Instant.now();
    private volatile String lastError;
    private volatile UnpublishableEvent stuck;
    private volatile boolean running;
    private Thread thread;
    private KafkaProducer<String, byte[]> producer;

    public RelayRunner(DataSource dataSource,
                       @ConfigProperty(name = "hub.relay.enabled", defaultValue = "false") boolean enabled,
                       @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:19092")
                       String bootstrapServers,
                       @ConfigProperty(name = "hub.relay.service", defaultValue = "unknown") String service,
                       @ConfigProperty(name = "hub.relay.topic", defaultValue = "unknown.events") String topic,
                       @ConfigProperty(name = "hub.relay.topic-partitions", defaultValue = "3") int partitions,
                       @ConfigProperty(name = "hub.relay.batch-size", defaultValue = "500") int batchSize,
                       @ConfigProperty(name = "hub.relay.idle-poll", defaultValue = "PT0.05S") Duration idlePoll,
                       @ConfigProperty(name = "hub.relay.lag-interval", defaultValue = "PT5S") Duration lagInterval,
                       @ConfigProperty(name = "hub.relay.gather", defaultValue = "PT0.005S") Duration gather,
                       KernelMetrics metrics, OpenTelemetry openTelemetry, RelayWakeUp wakeUp) {
        this.dataSource = dataSource;
        this.lagInterval = lagInterval;
        this.metrics = metrics;
        this.openTelemetry = openTelemetry;
        this.wakeUp = wakeUp;
        this.gather = gather;
        this.enabled = enabled;
        this.bootstrapServers = bootstrapServers;
        this.partitions = partitions;
        this.settings = new RelaySettings(service, topic, service, batchSize, idlePoll);
    }

    void start(@Observes StartupEvent event) {
        metrics.relayStarted(settings.name());
        running = true;
        if (!enabled) {
            thread = Thread.ofPlatform().name("event-relay-lag-" + settings.service()).daemon()
                    .start(this::measureOnly);
            return;
        }
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.CLIENT_ID_CONFIG, "hubag-relay-" + settings.service()),
                new StringSerializer(), new ByteArraySerializer());
        EventRelay relay = new EventRelay(dataSource, producer, settings,
                openTelemetry.getTracer(EventRelay.TRACER));
        thread = Thread.ofPlatform().name("event-relay-" + settings.service()).daemon().start(() -> loop(relay));
        LOG.infof("event relay started: %s -> topic %s", settings.service(), settings.topic());
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(5_000);
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    public boolean enabled() { return enabled; }

    public long published() { return published.get(); }

    public Instant lastSuccess() { return lastSuccess; }

    public String lastError() { return lastError; }

    public String topic() { return settings.topic(); }

    /** The event the broker refuses for good (too large for the topic, say), null when none. */
    public UnpublishableEvent stuck() { return stuck; }

    private void loop(EventRelay relay) {
        boolean topicReady = false;
        long backoffMillis = 100;
        int limit = settings.batchSize();
        while (running) {
            try {
                if (!topicReady) {
                    ensureTopic();
                    producer.partitionsFor(settings.topic()); // fetch metadata now, not on the first event
                    topicReady = true;
                }
                int count = relay.publishBatch(limit);
                published.addAndGet(count);
                metrics.relayPublished(settings.name(), count);
                if (count > 0 && stuck != null) {
                    LOG.infof("event relay %s: event %s published at last", settings.service(),
                            stuck.event().eventId());
                    metrics.relayStuck(settings.name(), 0); // before the health check can read "not stuck"
                    stuck = null;
                }
                limit = settings.batchSize();
                if (System.nanoTime() - lastMeasure > 1_000_000_000L) {
                    measureBacklog();
                }
                lastSuccess = Instant.now();
                lastError = null;
                backoffMillis = 100;
                if (count < settings.batchSize() && wakeUp.await(settings.idlePoll())) {
                    // woken by a commit: a few more milliseconds let the commits arriving together go in one batch.
                    // After a round that published too: without it, at 1 000 redemptions/s the relay ran twice as
                    // many rounds (13 083 instead of 6 631, each a horizon query, a send and a checkpoint) for
                    // 0.1 ms more CPU per redemption, against 5 ms less on each event's way under load
                    Thread.sleep(gather.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                lastError = e.getMessage() + (e.getCause() == null ? "" : ": " + e.getCause());
                if (e instanceof UnpublishableEvent refused) {
                    published.addAndGet(refused.acknowledged());
                    metrics.relayPublished(settings.name(), refused.acknowledged());
                    limit = 1; // the events behind it wait, unsent, instead of being sent again each round
                    if (!refused.retriable()) {
                        if (stuck == null || !stuck.event().eventId().equals(refused.event().eventId())) {
                            LOG.errorf("event relay %s is stuck: %s", settings.service(), refused.getMessage());
                        }
                        stuck = refused;
                        metrics.relayStuck(settings.name(), refused.event().globalPosition());
                    }
                }
                LOG.warnf("event relay %s: %s (retrying in %d ms)", settings.service(), lastError, backoffMillis);
                try {
                    Thread.sleep(backoffMillis);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoffMillis = Math.min(backoffMillis * 2, 5_000);
            }
        }
    }

    /** With the relay off, events are not published but their backlog is still worth seeing. */
    private void measureOnly() {
        while (running) {
            measureBacklog();
            try {
                Thread.sleep(lagInterval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void measureBacklog() {
        lastMeasure = System.nanoTime();
        try {
            RelayBacklog backlog = RelayBacklog.measure(dataSource, settings.name());
            metrics.relayBacklog(settings.name(), backlog.events(), backlog.oldestRecordedAt());
        } catch (Exception e) {
            LOG.debugf("relay %s: backlog not measured: %s", settings.name(), e.getMessage());
        }
    }

    /**
     * The one place a service's topic is declared: its partitions ({@code hub.relay.topic-partitions}) and its
     * retention. Brokers run with {@code auto.create.topics.enable=false}, so a consumer that subscribes first
     * waits for this topic instead of creating it with broker defaults.
     */
    private void ensureTopic() throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            if (admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(settings.topic())) {
                return;
            }
            try {
                // kept forever: read models are rebuilt by replaying the stream from the beginning
                admin.createTopics(List.of(new NewTopic(settings.topic(), partitions, (short) 1)
                                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"))))
                        .all().get(10, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Kafka at " + bootstrapServers + " did not answer", e);
        }
    }
}
