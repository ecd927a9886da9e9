package fr.hubag.eventsourcing.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The kernel's own measures, named once so every service exposes the same series at {@code /q/metrics}
 * (docs/observability.md lists them): commands by stream type, command and outcome; append latency and events
 * appended; relay throughput and lag; per consumer (read model) the events applied, their apply time and how far
 * behind the write side they are. Callers pass plain values; the meters are created on first use.
 */
@ApplicationScoped
public class KernelMetrics {

    /** Timer, tags stream_type, command, outcome: {@code hub_commands_seconds_count|sum|max|bucket}. */
    public static final String COMMANDS = "hub.commands";
    /** Timer, tag stream_type: time of one append transaction's writes, {@code hub_events_append_seconds}. */
    public static final String APPEND = "hub.events.append";
    /** Counter, tag stream_type: events appended, {@code hub_events_appended_total}. */
    public static final String APPENDED = "hub.events.appended";
    /** Counter, tag relay: events the broker acknowledged, {@code hub_relay_published_total}. */
    public static final String RELAY_PUBLISHED = "hub.relay.published";
    /** Gauge, tag relay: events committed but not yet acknowledged by the broker, {@code hub_relay_lag_events}. */
    public static final String RELAY_LAG_EVENTS = "hub.relay.lag.events";
    /** Gauge, tag relay: age of the oldest committed event not yet acknowledged, {@code hub_relay_lag_seconds}. */
    public static final String RELAY_LAG_SECONDS = "hub.relay.lag.seconds";
    /**
     * Gauge, tag relay: global position of the event the broker refuses for good (too large for the topic, say), 0
     * when none; nothing after it is published until it is: {@code hub_relay_stuck_position}.
     */
    public static final String RELAY_STUCK = "hub.relay.stuck.position";
    /** Counter, tags consumer, outcome (applied | duplicate | parked | failed): {@code hub_consumer_events_total}. */
    public static final String CONSUMER_EVENTS = "hub.consumer.events";
    /**
     * Counter, tag consumer: events parked ({@code es_parked_events}), because they could not be applied after
     * their retries or because an earlier event of their stream is parked: {@code hub_consumer_parked_total}.
     */
    public static final String CONSUMER_PARKED = "hub.consumer.parked";
    /** Timer, tag consumer: one event's transaction (mark, effect, checkpoint), {@code hub_consumer_apply_seconds}. */
    public static final String CONSUMER_APPLY = "hub.consumer.apply";
    /** Gauge, tag consumer: recorded-to-applied delay of the last event applied, {@code hub_consumer_lag_seconds}. */
    public static final String CONSUMER_LAG_SECONDS = "hub.consumer.lag.seconds";
    /**
     * Timer, tag consumer: for every event applied, from the write side recording it to the consumer's commit that
     * made it visible, {@code hub_consumer_visible_seconds_bucket} (the distribution behind the lag gauge).
     */
    public static final String CONSUMER_VISIBLE = "hub.consumer.visible";

    /** Command outcomes, as the executor reports them. */
    public static final String APPENDED_OUTCOME = "appended";
    public static final String UNCHANGED = "unchanged";
    public static final String REJECTED = "rejected";
    public static final String CONFLICT = "conflict";
    public static final String REPLAYED = "replayed";
    public static final String FAILED = "failed";

    /** Consumer outcomes. */
    public static final String APPLIED = "applied";
    public static final String DUPLICATE = "duplicate";
    public static final String PARKED = "parked";

    private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(2), Duration.ofMillis(5),
            Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
            Duration.ofSeconds(5), Duration.ofSeconds(10)};

    /** Fine around the read models' objective (p99 within 100 ms of the commit), coarse beyond. */
    private static final Duration[] VISIBLE_BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(20), Duration.ofMillis(30), Duration.ofMillis(40), Duration.ofMillis(50),
            Duration.ofMillis(60), Duration.ofMillis(70), Duration.ofMillis(80), Duration.ofMillis(90),
            Duration.ofMillis(100), Duration.ofMillis(125), Duration.ofMillis(150), Duration.ofMillis(200),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
            Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(60)};

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, RelayLag> relays = new ConcurrentHashMap<>();
    private final Map<String, ConsumerLag> consumers = new ConcurrentHashMap<>();

    @Inject
    public KernelMetrics(MeterRegistry registry) {
        this(registry, Clock.systemUTC());
    }

    public KernelMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** Measures kept in memory only: for kernel pieces built outside CDI (tests, tools). */
    public static KernelMetrics inMemory() {
        return new KernelMetrics(new SimpleMeterRegistry());
    }

    public MeterRegistry registry() { return registry; }

    // --- commands (called by the command executor) ---

    /**
     * One command answered. {@code command} is the command's simple class name (say {@code RegisterActor});
     * {@code outcome} one of appended, unchanged, rejected, conflict, replayed, failed; {@code nanos} from the
     * executor's entry to the answer.
     */
    public void commandCompleted(String streamType, String command, String outcome, long nanos) {
        Timer.builder(COMMANDS).description("Commands answered by the kernel, by stream type, command and outcome")
                .tags("stream_type", streamType, "command", command, "outcome", outcome)
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** One append transaction wrote {@code events} events to streams of {@code streamType} in {@code nanos}. */
    public void appended(String streamType, int events, long nanos) {
        Timer.builder(APPEND).description("Time to write one command's events to the event store")
                .tag("stream_type", streamType).serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
        Counter.builder(APPENDED).description("Events appended to the event store").tag("stream_type", streamType)
                .register(registry).increment(events);
    }

    // --- relay ---

    /** Registers a relay's series at start, so they are visible (lag unknown: NaN) before the first measure. */
    public void relayStarted(String relay) {
        relayLag(relay);
        publishedCounter(relay);
    }

    /** The relay is stuck on the event at this global position (0: no longer stuck). */
    public void relayStuck(String relay, long position) {
        relayLag(relay).stuckAt = position;
    }

    public void relayPublished(String relay, int events) {
        publishedCounter(relay).increment(events);
    }

    /**
     * The relay's backlog as just measured: how many committed events the broker has not acknowledged yet, and
     * when the oldest of them was recorded (null when there is none).
     */
    public void relayBacklog(String relay, long events, Instant oldestRecordedAt) {
        RelayLag lag = relayLag(relay);
        lag.events = events;
        lag.oldest = oldestRecordedAt;
        lag.measured = true;
    }

    // --- consumers (read models) ---

    /**
     * One event went through a consumer: {@code outcome} applied, duplicate (already applied: skipped) or failed;
     * {@code nanos} the time of its transaction; {@code recordedAt} when the write side recorded it (null if the
     * record did not say).
     */
    public void consumed(String consumer, String outcome, long nanos, Instant recordedAt) {
        Counter.builder(CONSUMER_EVENTS).description("Events a consumer applied, skipped as duplicates or failed on")
                .tags("consumer", consumer, "outcome", outcome).register(registry).increment();
        if (FAILED.equals(outcome)) {
            return;
        }
        Timer.builder(CONSUMER_APPLY).description("Time of one event's transaction in a consumer")
                .tag("consumer", consumer).serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
        if (recordedAt != null) {
            ConsumerLag lag = consumers.computeIfAbsent(consumer, name -> {
                ConsumerLag created = new ConsumerLag();
                Gauge.builder(CONSUMER_LAG_SECONDS, created, l -> l.seconds)
                        .description("Seconds between the write side recording the last event this consumer "
                                + "processed and its processing")
                        .tag("consumer", name).register(registry);
                return created;
            });
            long visibleNanos = Math.max(0, Duration.between(recordedAt, clock.instant()).toNanos());
            lag.seconds = visibleNanos / 1e9;
            if (APPLIED.equals(outcome)) {
                Timer.builder(CONSUMER_VISIBLE).description("From the write side recording an event to the "
                                + "consumer's commit that applied it").tag("consumer", consumer)
                        .serviceLevelObjectives(VISIBLE_BUCKETS).register(registry)
                        .record(visibleNanos, TimeUnit.NANOSECONDS);
            }
        }
    }

    /** Registers a consumer's parked counter at start, so it reads 0 rather than being absent. */
    public void consumerStarted(String consumer) {
        parkedCounter(consumer);
    }

    /** {@code events} events were parked by the consumer. */
    public void parked(String consumer, int events) {
        parkedCounter(consumer).increment(events);
    }

    private Counter parkedCounter(String consumer) {
        return Counter.builder(CONSUMER_PARKED).description("Events a consumer parked: not applicable after their "
                        + "retries, or behind such an event of their stream").tag("consumer", consumer)
                .register(registry);
    }

    private Counter publishedCounter(String relay) {
        return Counter.builder(RELAY_PUBLISHED).description("Events the relay published and the broker acknowledged")
                .tag("relay", relay).register(registry);
    }

    private RelayLag relayLag(String relay) {
        return relays.computeIfAbsent(relay, name -> {
            RelayLag created = new RelayLag();
            Gauge.builder(RELAY_LAG_EVENTS, created, l -> l.measured ? l.events : Double.NaN)
                    .description("Events committed to the event store and not yet acknowledged by the broker")
                    .tag("relay", name).register(registry);
            Gauge.builder(RELAY_LAG_SECONDS, created, l -> !l.measured ? Double.NaN : l.oldest == null ? 0
                            : Math.max(0, Duration.between(l.oldest, clock.instant()).toNanos() / 1e9))
                    .description("Age of the oldest event committed and not yet acknowledged by the broker")
                    .tag("relay", name).register(registry);
            Gauge.builder(RELAY_STUCK, created, l -> l.stuckAt)
                    .description("Global position of the event the broker refuses for good, 0 when none")
                    .tag("relay", name).register(registry);
            return created;
        });
    }

    /** Held strongly here: Micrometer gauges keep only weak references to their state. */
    private static final class RelayLag {
        volatile boolean measured;
        volatile long events;
        volatile Instant oldest;
        volatile long stuckAt;
    }

    private static final class ConsumerLag {
        volatile double seconds;
    }
}
