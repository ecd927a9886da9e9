package fr.hubag.sessions.infra;

import fr.hubag.webhooks.Attempt;
import fr.hubag.webhooks.RetrySchedule;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** A delivery's fate after each attempt: the retries, Retry-After, 410, and the last attempt disabling the endpoint. */
class DeliveryFateTest {

    private static final Instant AT = Instant.parse("2026-11-27T14:05:00Z");
    private static final RetrySchedule SCHEDULE = RetrySchedule.DEFAULT;

    private static Attempt answered(int status, Attempt.Outcome outcome, Optional<Duration> retryAfter) {
        return new Attempt(AT, status, Duration.ofMillis(12), retryAfter, null, outcome);
    }

    @Test
    void aDeliveredAttemptEndsTheDelivery() {
        DeliveryFate fate = DeliveryFate.after(1, answered(204, Attempt.Outcome.DELIVERED, Optional.empty()),
                SCHEDULE, new Random(1));
        assertThat(fate.status()).isEqualTo("delivered");
        assertThat(fate.disableEndpoint()).isNull();
    }

    @Test
    void aFailedAttemptIsRetriedNeverBeforeRetryAfter() {
        DeliveryFate fate = DeliveryFate.after(1, answered(503, Attempt.Outcome.RETRY,
                Optional.of(Duration.ofMinutes(10))), SCHEDULE, new Random(1));
        assertThat(fate.status()).isEqualTo("pending");
        assertThat(fate.nextAttemptAt()).isAfterOrEqualTo(AT.plus(Duration.ofMinutes(10)));
        assertThat(fate.disableEndpoint()).isNull();
    }

    @Test
    void goneFailsTheDeliveryAndDisablesTheEndpoint() {
        DeliveryFate fate = DeliveryFate.after(1, answered(410, Attempt.Outcome.GONE, Optional.empty()), SCHEDULE,
                new Random(1));
        assertThat(fate.status()).isEqualTo("failed");
        assertThat(fate.disableEndpoint()).startsWith("gone");
    }

    @Test
    void theLastFailedAttemptFailsTheDeliveryAndDisablesTheEndpoint() {
        Attempt refused = new Attempt(AT, 0, Duration.ofSeconds(10), Optional.empty(), "connection refused",
                Attempt.Outcome.RETRY);
        assertThat(DeliveryFate.after(SCHEDULE.attempts() - 1, refused, SCHEDULE, new Random(1)).status())
                .isEqualTo("pending");
        DeliveryFate last = DeliveryFate.after(SCHEDULE.attempts(), refused, SCHEDULE, new Random(1));
        assertThat(last.status()).isEqualTo("failed");
        assertThat(last.disableEndpoint()).isEqualTo("failing: 8 attempts failed");
    }
}
