package fr.hubag.projection.consuming;

import io.quarkus.arc.All;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Readiness says whether every read model's consumer consumes (one {@link CheckpointSeek} per slice: actors,
 * sessions, …): DOWN when a consumer's polling thread has not answered for {@code hub.projection.consumer.stall-after}
 * (stuck, or the channel failed and closed it), at once when a transaction of its polls failed (the channel fails with
 * its next poll, which may not come), or when it has held no partition for that long (a restart waiting for
 * the group to drop its previous member, say) — a projection that reads nothing is not ready, even though its HTTP
 * side answers. UP again as soon as each polls and holds partitions. The check ({@code consumers}) says, per read
 * model, its partitions, when it last polled and why it is down ({@code actors.reason}, …).
 *
 * <p>Each call sends one probe to each polling thread (never a second while one is pending, so a stuck thread does
 * not pile them up) and waits for them at most a second.
 */
@Readiness
@ApplicationScoped
public class ConsumingHealthCheck implements AsyncHealthCheck {

    private final KafkaClientService clients;
    private final List<CheckpointSeek> seeks;
    private final Duration stallAfter;
    private final Map<String, CompletableFuture<Void>> probes = new ConcurrentHashMap<>();
    private final Map<String, Throwable> failures = new ConcurrentHashMap<>();

    public ConsumingHealthCheck(KafkaClientService clients, @All List<CheckpointSeek> seeks,
                                @ConfigProperty(name = "hub.projection.consumer.stall-after", defaultValue = "PT15S")
                                Duration stallAfter) {
        this.clients = clients;
        this.seeks = seeks;
        this.stallAfter = stallAfter;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        CompletableFuture<?>[] pending = seeks.stream().map(this::probe).toArray(CompletableFuture[]::new);
        return Uni.createFrom().completionStage(() -> CompletableFuture.allOf(pending))
                .ifNoItem().after(Duration.ofSeconds(1)).recoverWithItem((Void) null)
                .map(nothing -> evaluate());
    }

    /** A probe of the channel's polling thread: the pending one, or a new one. */
    private CompletableFuture<Void> probe(CheckpointSeek seek) {
        KafkaConsumer<Object, Object> consumer = clients.getConsumer(seek.channel());
        if (consumer == null) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> pending = probes.get(seek.channel());
        if (pending != null && !pending.isDone()) {
            return pending;
        }
        CompletableFuture<Void> next = new CompletableFuture<>();
        probes.put(seek.channel(), next);
        consumer.runOnPollingThread(kafka -> {
            seek.activity().polled(Instant.now());
            return kafka.assignment().size();
        }).subscribe().with(partitions -> {
            failures.remove(seek.channel());
            next.complete(null);
        }, error -> {
            failures.put(seek.channel(), error);
            next.complete(null);
        });
        return next;
    }

    private HealthCheckResponse evaluate() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("consumers");
        boolean up = true;
        for (CheckpointSeek seek : seeks) {
            String reason = downBecause(seek);
            up &= reason == null;
            String name = seek.readModel();
            response.withData(name + ".channel", seek.channel())
                    .withData(name + ".reason", reason == null ? "consuming" : reason)
                    .withData(name + ".partitions", seek.activity().partitions())
                    .withData(name + ".lastPolled", seek.activity().lastPolled().toString());
        }
        return response.status(up).build();
    }

    /** Why this consumer is not ready, null when it is. */
    private String downBecause(CheckpointSeek seek) {
        if (clients.getConsumer(seek.channel()) == null) {
            return "the consumer of " + seek.channel() + " is not running";
        }
        Throwable failed = failures.get(seek.channel());
        if (failed != null) {
            return "the consumer failed: " + failed;
        }
        Throwable unapplied = seek.liveFailure();
        if (unapplied != null) {
            return "applying its polls failed: " + unapplied;
        }
        Instant now = Instant.now();
        ConsumerActivity activity = seek.activity();
        Duration silent = Duration.between(activity.lastPolled(), now);
        if (silent.compareTo(stallAfter) > 0) {
            return "the polling thread has not answered for " + silent.toSeconds() + " s";
        }
        Instant unassigned = activity.unassignedSince();
        if (unassigned != null && Duration.between(unassigned, now).compareTo(stallAfter) > 0) {
            return "no partition assigned for " + Duration.between(unassigned, now).toSeconds() + " s";
        }
        return null;
    }
}
