package fr.hubag.actors.api;

import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.Metrics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The kernel's relay measures are at /q/metrics, and the running relay measures its backlog (docs/observability.md). */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "actors"))
class MetricsTest {

    @Test
    void theRelaysLagIsMeasured() {
        String scrape = Metrics.await(s -> !Double.isNaN(Metrics.value(s, "hub_relay_lag_events", "relay", "actors")
                .orElse(Double.NaN)));
        assertThat(Metrics.missing(scrape, new String[] {"hub_relay_lag_events", "hub_relay_lag_seconds",
                "hub_relay_published_total"}, "relay", "actors")).isEmpty();
        assertThat(Metrics.value(scrape, "hub_relay_lag_events", "relay", "actors").orElseThrow()).isNotNaN();
    }
}
