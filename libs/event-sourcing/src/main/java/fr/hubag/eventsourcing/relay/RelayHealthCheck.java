package fr.hubag.eventsourcing.relay;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;
import java.time.Instant;

/**
 * Readiness reports the relay: a service whose events cannot reach Kafka for 30 s is not ready, nor one whose relay
 * is stuck on an event the broker refuses for good — the data name that event and the error, since nothing after
 * it in the store is published until it is (the topic's limits raised, say).
 */
@Readiness
@ApplicationScoped
public class RelayHealthCheck implements HealthCheck {

    private final RelayRunner relay;

    public RelayHealthCheck(RelayRunner relay) {
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("event-relay").withData("enabled", relay.enabled());
        if (!relay.enabled()) {
            return response.up().build();
        }
        boolean healthy = Duration.between(relay.lastSuccess(), Instant.now()).toSeconds() < 30;
        response.withData("topic", relay.topic()).withData("published", relay.published());
        if (relay.lastError() != null) {
            response.withData("lastError", relay.lastError());
        }
        UnpublishableEvent stuck = relay.stuck();
        if (stuck != null) {
            response.withData("stuckEvent", stuck.event().eventId().toString())
                    .withData("stuckEventType", stuck.event().type())
                    .withData("stuckStream", stuck.event().streamId())
                    .withData("stuckPosition", stuck.event().globalPosition())
                    .withData("stuckError", String.valueOf(stuck.getCause()));
            return response.down().build();
        }
        return response.status(healthy).build();
    }
}
