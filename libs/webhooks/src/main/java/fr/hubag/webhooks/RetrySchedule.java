package fr.hubag.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try a failed delivery again: after {@code first}, then each wait {@code factor} times the last, capped at
 * {@code longest}, each drawn between half and all of it (jitter, so endpoints that failed together are not all
 * retried in the same second), and never sooner than the receiver's {@code Retry-After} (itself capped at
 * {@code longest}, so a receiver cannot park a message for a year). After {@code attempts} attempts the delivery
 * has failed for good. The default (5 s, ×4, 2 h, 8 attempts) spreads eight attempts over about five hours.
 */
public record RetrySchedule(Duration first, int factor, Duration longest, int attempts) {

    public static final RetrySchedule DEFAULT = new RetrySchedule(Duration.ofSeconds(5), 4, Duration.ofHours(2), 8);

    public RetrySchedule {
        if (first.isNegative() || first.isZero() || factor < 1 || longest.compareTo(first) < 0 || attempts < 1) {
            throw new IllegalArgumentException("a retry schedule waits a positive time, growing, at most "
                    + "'longest', for at least one attempt");
        }
    }

    /**
     * When to make the next attempt after {@code made} attempts failed, the last at {@code now}; empty when the
     * delivery has had all its attempts.
     */
    public Optional<Instant> next(int made, Instant now, Optional<Duration> retryAfter, RandomGenerator random) {
        if (made >= attempts) {
            return Optional.empty();
        }
        Duration wait = backoff(made);
        long half = wait.toMillis() / 2;
        Duration jittered = Duration.ofMillis(half + random.nextLong(half + 1));
        Duration floor = retryAfter.map(r -> r.compareTo(longest) > 0 ? longest : r).orElse(Duration.ZERO);
        return Optional.of(now.plus(jittered.compareTo(floor) < 0 ? floor : jittered));
    }

    /** The wait before attempt {@code made + 1}, before jitter. */
    Duration backoff(int made) {
        Duration wait = first;
        for (int i = 1; i < made && wait.compareTo(longest) < 0; i++) {
            wait = wait.multipliedBy(factor);
        }
        return wait.compareTo(longest) > 0 ? longest : wait;
    }

    /** A {@code Retry-After} value: delta-seconds or an HTTP-date; empty when absent, malformed or in the past. */
    public static Optional<Duration> parseRetryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.trim();
        if (text.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
            } catch (NumberFormatException tooLong) {
                return Optional.empty();
            }
        }
        try {
            Duration until = Duration.between(now, ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME));
            return until.isNegative() ? Optional.empty() : Optional.of(until);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
