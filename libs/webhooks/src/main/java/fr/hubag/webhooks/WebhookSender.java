package fr.hubag.webhooks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Makes one delivery attempt: POSTs the message's body with the Standard Webhooks headers ({@code webhook-id},
 * {@code webhook-timestamp}, {@code webhook-signature}) and reports an {@link Attempt}. It never throws for what
 * the receiver does (refusal, silence, a closed port): those are lines of the delivery log. Redirects are not
 * followed and the answer's body is not read beyond its status.
 */
public final class WebhookSender {

    private final HttpClient client;
    private final Duration timeout;
    private final Clock clock;
    private final String userAgent;

    public WebhookSender(Duration connectTimeout, Duration timeout, Clock clock, String userAgent) {
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
        this.timeout = timeout;
        this.clock = clock;
        this.userAgent = userAgent;
    }

    /** Sends {@code message} to {@code endpoint}, signed with {@code secrets} (the current one first). */
    public CompletableFuture<Attempt> send(URI endpoint, WebhookMessage message, List<WebhookSecret> secrets) {
        Instant at = clock.instant();
        long timestamp = WebhookMessage.timestamp(at);
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("content-type", "application/json")
                .header("user-agent", userAgent)
                .header("webhook-id", message.id())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.header(message.id(), timestamp, message.body(), secrets))
                .POST(HttpRequest.BodyPublishers.ofByteArray(message.body()))
                .build();
        long start = System.nanoTime();
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> {
                    Duration latency = Duration.ofNanos(System.nanoTime() - start);
                    if (failure != null) {
                        return Attempt.failed(at, latency, describe(failure));
                    }
                    return Attempt.answered(at, response.statusCode(), latency, RetrySchedule.parseRetryAfter(
                            response.headers().firstValue("retry-after").orElse(null), clock.instant()));
                });
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof HttpTimeoutException) {
            return "no answer within the timeout";
        }
        if (cause instanceof java.net.ConnectException) {
            return "connection refused or unreachable";
        }
        String text = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return text.length() > 300 ? text.substring(0, 300) : text;
    }
}
