package fr.hubag.eventsourcing.relay;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;
import java.time.Instant;

/** Readiness reports the relay: a service whose events cannot reach Kafka for 30 s is not ready. */
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
        return response.status(healthy).build();
    }
}
