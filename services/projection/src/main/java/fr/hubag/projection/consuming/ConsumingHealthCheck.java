package fr.hubag.projection.consuming;

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
import java.util.concurrent.CompletableFuture;

/**
 * Readiness says whether the actors consumer consumes: DOWN when its polling thread has not answered for
 * {@code hub.projection.consumer.stall-after} (stuck, or the channel failed and closed it), or when it has held no
 * partition for that long (a restart waiting for the group to drop its previous member, say) — a projection that
 * reads nothing is not ready, even though its HTTP side answers. UP again as soon as it polls and holds partitions.
 *
 * <p>Each call sends one probe to the polling thread (never a second while one is pending, so a stuck thread does
 * not pile them up) and waits for it at most a second.
 */
@Readiness
@ApplicationScoped
public class ConsumingHealthCheck implements AsyncHealthCheck {

    static final String CHANNEL = "actor-events";

    private final KafkaClientService clients;
    private final ConsumerActivity activity;
    private final Duration stallAfter;
    private volatile CompletableFuture<Void> probe;
    private volatile Throwable failure;

    public ConsumingHealthCheck(KafkaClientService clients, ConsumerActivity activity,
                                @ConfigProperty(name = "hub.projection.consumer.stall-after", defaultValue = "PT15S")
                                Duration stallAfter) {
        this.clients = clients;
        this.activity = activity;
        this.stallAfter = stallAfter;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        KafkaConsumer<Object, Object> consumer = clients.getConsumer(CHANNEL);
        if (consumer == null) {
            return Uni.createFrom().item(verdict(false, "the consumer of " + CHANNEL + " is not running"));
        }
        CompletableFuture<Void> pending = probe;
        if (pending == null || pending.isDone()) {
            CompletableFuture<Void> next = new CompletableFuture<>();
            probe = next;
            pending = next;
            consumer.runOnPollingThread(kafka -> {
                activity.polled(Instant.now());
                return kafka.assignment().size();
            }).subscribe().with(partitions -> {
                failure = null;
                next.complete(null);
            }, error -> {
                failure = error;
                next.complete(null);
            });
        }
        CompletableFuture<Void> awaited = pending;
        return Uni.createFrom().completionStage(() -> awaited.thenApply(nothing -> nothing))
                .ifNoItem().after(Duration.ofSeconds(1)).recoverWithItem((Void) null)
                .map(nothing -> evaluate());
    }

    private HealthCheckResponse evaluate() {
        Instant now = Instant.now();
        Throwable failed = failure;
        if (failed != null) {
            return verdict(false, "the consumer failed: " + failed);
        }
        Duration silent = Duration.between(activity.lastPolled(), now);
        if (silent.compareTo(stallAfter) > 0) {
            return verdict(false, "the polling thread has not answered for " + silent.toSeconds() + " s");
        }
        Instant unassigned = activity.unassignedSince();
        if (unassigned != null && Duration.between(unassigned, now).compareTo(stallAfter) > 0) {
            return verdict(false, "no partition assigned for " + Duration.between(unassigned, now).toSeconds()
                    + " s");
        }
        return verdict(true, activity.partitions() + " partitions assigned");
    }

    private HealthCheckResponse verdict(boolean up, String reason) {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("actors-consumer").status(up)
                .withData("channel", CHANNEL).withData("reason", reason)
                .withData("partitions", activity.partitions())
                .withData("lastPolled", activity.lastPolled().toString());
        return response.build();
    }
}
