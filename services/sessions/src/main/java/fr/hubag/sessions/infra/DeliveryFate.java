package fr.hubag.sessions.infra;

import fr.hubag.webhooks.Attempt;
import fr.hubag.webhooks.RetrySchedule;

import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * What becomes of a delivery after its {@code made}-th attempt: delivered; pending again at the schedule's next time
 * (never before Retry-After); or failed — and then its endpoint is disabled, on 410 Gone or once every attempt failed.
 */
record DeliveryFate(String status, Instant nextAttemptAt, String disableEndpoint) {

    static DeliveryFate after(int made, Attempt attempt, RetrySchedule schedule, RandomGenerator random) {
        return switch (attempt.outcome()) {
            case DELIVERED -> new DeliveryFate("delivered", attempt.at(), null);
            case GONE -> new DeliveryFate("failed", attempt.at(), "gone: the receiver answered 410");
            case RETRY -> {
                Optional<Instant> next = schedule.next(made, attempt.at(), attempt.retryAfter(), random);
                yield next.map(at -> new DeliveryFate("pending", at, null)).orElseGet(() -> new DeliveryFate("failed",
                        attempt.at(), "failing: " + made + " attempts failed"));
            }
        };
    }
}
