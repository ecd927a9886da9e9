package fr.hubag.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What one delivery attempt gave: a line of the delivery log the partner reads (when, HTTP status or the error,
 * latency) and what to do next. Any 2xx delivers; 410 Gone means the receiver wants no more messages at that
 * endpoint (disable it); anything else, a redirect included (never followed, the endpoint is what the partner
 * registered), is retried.
 */
public record Attempt(Instant at, int status, Duration latency, Optional<Duration> retryAfter, String error,
                      Outcome outcome) {

    public enum Outcome { DELIVERED, RETRY, GONE }

    static Attempt answered(Instant at, int status, Duration latency, Optional<Duration> retryAfter) {
        Outcome outcome = status >= 200 && status < 300 ? Outcome.DELIVERED
                : status == 410 ? Outcome.GONE : Outcome.RETRY;
        return new Attempt(at, status, latency, retryAfter, null, outcome);
    }

    static Attempt failed(Instant at, Duration latency, String error) {
        return new Attempt(at, 0, latency, Optional.empty(), error, Outcome.RETRY);
    }
}
