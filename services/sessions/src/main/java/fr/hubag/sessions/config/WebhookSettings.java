package fr.hubag.sessions.config;

import fr.hubag.webhooks.RetrySchedule;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The partners' webhooks: how often the feed and the worker look, how long an attempt may take, the retries. */
@ConfigMapping(prefix = "hub.sessions.webhooks")
public interface WebhookSettings {

    /** Whether the feed and the worker run in this instance. */
    @WithDefault("true")
    boolean enabled();

    /** Plain HTTP to this machine (tests, local runs); never in production. */
    @WithDefault("false")
    boolean allowLocalHttp();

    /** How often the feed reads newly committed referral events and the worker looks for due deliveries. */
    @WithDefault("PT0.25S")
    Duration poll();

    @WithDefault("PT5S")
    Duration connectTimeout();

    @WithDefault("PT10S")
    Duration timeout();

    /** How long the previous secret still signs after a rotation. */
    @WithDefault("PT24H")
    Duration rotationOverlap();

    @WithDefault("PT5S")
    Duration retryFirst();

    @WithDefault("4")
    int retryFactor();

    @WithDefault("PT2H")
    Duration retryLongest();

    @WithDefault("8")
    int retryAttempts();

    default RetrySchedule retrySchedule() {
        return new RetrySchedule(retryFirst(), retryFactor(), retryLongest(), retryAttempts());
    }
}
