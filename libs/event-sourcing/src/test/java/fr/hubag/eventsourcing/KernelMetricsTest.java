package fr.hubag.eventsourcing;

import fr.hubag.eventsourcing.metrics.KernelMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The kernel's measures under the names docs/observability.md promises, as Prometheus scrapes them. */
class KernelMetricsTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final KernelMetrics metrics = new KernelMetrics(registry, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void commandsAreCountedAndTimedByStreamTypeCommandAndOutcome() {
        metrics.commandCompleted("actor", "RegisterActor", KernelMetrics.APPENDED_OUTCOME,
                TimeUnit.MILLISECONDS.toNanos(12));
        metrics.commandCompleted("actor", "RegisterActor", KernelMetrics.APPENDED_OUTCOME,
                TimeUnit.MILLISECONDS.toNanos(30));
        metrics.commandCompleted("actor", "GrantLabel", KernelMetrics.CONFLICT, TimeUnit.MILLISECONDS.toNanos(3));

        String scrape = registry.scrape();
        assertThat(scrape).contains(
                "hub_commands_seconds_count{command=\"RegisterActor\",outcome=\"appended\",stream_type=\"actor\"} 2",
                "hub_commands_seconds_sum{command=\"RegisterActor\",outcome=\"appended\",stream_type=\"actor\"} 0.042",
                "hub_commands_seconds_count{command=\"GrantLabel\",outcome=\"conflict\",stream_type=\"actor\"} 1",
                "hub_commands_seconds_bucket{command=\"GrantLabel\",outcome=\"conflict\",stream_type=\"actor\",le=\"0.005\"} 1");
    }

    @Test
    void appendsAreTimedAndTheirEventsCounted() {
        metrics.appended("actor", 3, TimeUnit.MILLISECONDS.toNanos(4));
        metrics.appended("actor", 128, TimeUnit.MILLISECONDS.toNanos(40));

        String scrape = registry.scrape();
        assertThat(scrape).contains("hub_events_append_seconds_count{stream_type=\"actor\"} 2",
                "hub_events_appended_total{stream_type=\"actor\"} 131");
    }

    @Test
    void relayLagIsUnknownUntilMeasuredThenCountsAndAgesTheBacklog() {
        metrics.relayStarted("actors");
        assertThat(registry.scrape()).contains("hub_relay_lag_events{relay=\"actors\"} NaN",
                "hub_relay_lag_seconds{relay=\"actors\"} NaN", "hub_relay_published_total{relay=\"actors\"} 0");

        metrics.relayBacklog("actors", 42, NOW.minusSeconds(7));
        metrics.relayPublished("actors", 500);
        assertThat(registry.scrape()).contains("hub_relay_lag_events{relay=\"actors\"} 42",
                "hub_relay_lag_seconds{relay=\"actors\"} 7", "hub_relay_published_total{relay=\"actors\"} 500");

        metrics.relayBacklog("actors", 0, null);
        assertThat(registry.scrape()).contains("hub_relay_lag_events{relay=\"actors\"} 0",
                "hub_relay_lag_seconds{relay=\"actors\"} 0");
    }

    @Test
    void consumersCountWhatTheyApplyAndHowFarBehindTheyAre() {
        metrics.consumed("projection.actors.v2", KernelMetrics.APPLIED, 1_000_000, NOW.minusMillis(1500));
        metrics.consumed("projection.actors.v2", KernelMetrics.DUPLICATE, 1_000_000, NOW.minusMillis(250));
        metrics.consumed("projection.actors.v2", KernelMetrics.FAILED, 1_000_000, NOW.minusSeconds(60));

        String scrape = registry.scrape();
        assertThat(scrape).contains(
                "hub_consumer_events_total{consumer=\"projection.actors.v2\",outcome=\"applied\"} 1",
                "hub_consumer_events_total{consumer=\"projection.actors.v2\",outcome=\"duplicate\"} 1",
                "hub_consumer_events_total{consumer=\"projection.actors.v2\",outcome=\"failed\"} 1",
                "hub_consumer_apply_seconds_count{consumer=\"projection.actors.v2\"} 2",
                "hub_consumer_lag_seconds{consumer=\"projection.actors.v2\"} 0.25",
                // only the applied event made something visible: 1.5 s after it was recorded
                "hub_consumer_visible_seconds_count{consumer=\"projection.actors.v2\"} 1",
                "hub_consumer_visible_seconds_bucket{consumer=\"projection.actors.v2\",le=\"1.0\"} 0",
                "hub_consumer_visible_seconds_bucket{consumer=\"projection.actors.v2\",le=\"2.5\"} 1");
    }
}
