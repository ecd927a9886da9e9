package fr.hubag.webhooks;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attempts against a real local HTTP receiver that checks every message with the Standard Webhooks reference
 * library, as a partner's would, and fails on purpose before it succeeds.
 */
class WebhookSenderTest {

    private final WebhookSecret secret = WebhookSecret.generate();
    private final List<String> verified = new CopyOnWriteArrayList<>();
    private final List<String> ids = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private HttpServer receiver;
    private WebhookSender sender;
    private String base;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", this::receive);
        receiver.createContext("/gone", exchange -> answer(exchange, 410, Map.of()));
        receiver.createContext("/moved", exchange -> answer(exchange, 302, Map.of("location", "/hook")));
        receiver.createContext("/slow", exchange -> {
            try {
                Thread.sleep(1_500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, 204, Map.of());
        });
        receiver.start();
        base = "http://127.0.0.1:" + receiver.getAddress().getPort();
        sender = new WebhookSender(Duration.ofSeconds(2), Duration.ofMillis(500), Clock.systemUTC(), "hubag-test");
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private void receive(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        ids.add(exchange.getRequestHeaders().getFirst("webhook-id"));
        if (failuresLeft.getAndDecrement() > 0) {
            answer(exchange, 503, Map.of("retry-after", "7"));
            return;
        }
        try {
            new Webhook(secret.reveal()).verify(body, exchange.getRequestHeaders());
            verified.add(body);
            answer(exchange, 204, Map.of());
        } catch (Exception e) {
            answer(exchange, 401, Map.of());
        }
    }

    private static void answer(HttpExchange exchange, int status, Map<String, String> headers) throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private Attempt send(String path, WebhookMessage message) {
        return sender.send(URI.create(base + path), message, List.of(secret)).join();
    }

    private static WebhookMessage message(String body) {
        return new WebhookMessage("msg_42", "referral.accepted", body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void twoRefusalsThenAVerifiedDeliveryAllUnderOneMessageId() {
        failuresLeft.set(2);
        WebhookMessage message = message("{\"referralId\":\"r-1\",\"status\":\"accepted\"}");

        Attempt first = send("/hook", message);
        Attempt second = send("/hook", message);
        Attempt third = send("/hook", message);

        assertThat(first.outcome()).isEqualTo(Attempt.Outcome.RETRY);
        assertThat(first.status()).isEqualTo(503);
        assertThat(first.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(second.outcome()).isEqualTo(Attempt.Outcome.RETRY);
        assertThat(third.outcome()).isEqualTo(Attempt.Outcome.DELIVERED);
        assertThat(third.status()).isEqualTo(204);
        assertThat(third.latency()).isPositive();
        assertThat(verified).containsExactly("{\"referralId\":\"r-1\",\"status\":\"accepted\"}");
        assertThat(ids).containsExactly("msg_42", "msg_42", "msg_42");
    }

    @Test
    void aMessageSignedWithAnotherSecretIsRefusedByTheReceiver() {
        Attempt attempt = new WebhookSender(Duration.ofSeconds(2), Duration.ofSeconds(2), Clock.systemUTC(), "t")
                .send(URI.create(base + "/hook"), message("{}"), List.of(WebhookSecret.generate())).join();

        assertThat(attempt.status()).isEqualTo(401);
        assertThat(attempt.outcome()).isEqualTo(Attempt.Outcome.RETRY);
        assertThat(verified).isEmpty();
    }

    @Test
    void goneMeansStopRedirectsAreNotFollowedSilenceAndClosedPortsAreRetried() throws IOException {
        assertThat(send("/gone", message("{}")).outcome()).isEqualTo(Attempt.Outcome.GONE);

        Attempt moved = send("/moved", message("{}"));
        assertThat(moved.status()).isEqualTo(302);
        assertThat(moved.outcome()).isEqualTo(Attempt.Outcome.RETRY);
        assertThat(verified).isEmpty();

        Attempt slow = send("/slow", message("{}"));
        assertThat(slow.outcome()).isEqualTo(Attempt.Outcome.RETRY);
        assertThat(slow.status()).isZero();
        assertThat(slow.error()).isEqualTo("no answer within the timeout");

        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Attempt refused = sender.send(URI.create("http://127.0.0.1:" + closed + "/hook"), message("{}"),
                List.of(secret)).join();
        assertThat(refused.outcome()).isEqualTo(Attempt.Outcome.RETRY);
        assertThat(refused.error()).isEqualTo("connection refused or unreachable");
        assertThat(refused.retryAfter()).isEqualTo(Optional.empty());
    }
}
