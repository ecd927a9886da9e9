package fr.hubag.sessions.api;

import com.sun.net.httpserver.HttpServer;
import fr.hubag.testing.HubTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static fr.hubag.sessions.api.ReferralsTestSupport.REFERRALS;
import static fr.hubag.sessions.api.ReferralsTestSupport.consentingBeneficiary;
import static fr.hubag.sessions.api.ReferralsTestSupport.referral;
import static fr.hubag.sessions.api.SessionsTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhook delivery latency, from the referral event's recording (its {@code es_events.recorded_at}, the append's
 * transaction time) to its arrival at a local receiver that answers 204, for referrals submitted by 8 concurrent
 * clients. Prints p50 / p99 / max; asserts nothing about time. Opt-in:
 * {@code ./mvnw -pl services/sessions -am verify -Dtest=WebhookLatencyBenchmark -Dhub.bench=true
 * -Dsurefire.failIfNoSpecifiedTests=false} ({@code -Dhub.bench.referrals=400} by default). The test profile polls
 * every 100 ms ({@code hub.sessions.webhooks.poll}; 250 ms outside tests).
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "sessions"))
class WebhookLatencyBenchmark {

    private static final int CLIENTS = 8;

    @Inject
    Pool pool;

    @Test
    void deliveryLatencyFromCommitToReceiver() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("hub.bench"), "benchmark: run with -Dhub.bench=true");
        int total = Integer.getInteger("hub.bench.referrals", 400);
        Map<UUID, Instant> arrivals = new ConcurrentHashMap<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newFixedThreadPool(8));
        receiver.createContext("/hook", exchange -> {
            Instant at = Instant.now();
            exchange.getRequestBody().readAllBytes();
            arrivals.putIfAbsent(UUID.fromString(exchange.getRequestHeaders().getFirst("webhook-id").substring(4)), at);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String partner = ReferralsTestSupport.partner("bench-" + UUID.randomUUID());
            as(partner).body("{\"url\": \"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook\"}")
                    .post("/api/sessions/webhooks").then().statusCode(201);
            String person = consentingBeneficiary(true);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int i = 0; i < total; i++) {
                clients.submit(() -> as(partner).body(referral("GF", person)).post(REFERRALS).then()
                        .statusCode(201));
            }
            clients.shutdown();
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (arrivals.size() < total && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(arrivals).hasSize(total);

            List<Double> millis = new ArrayList<>();
            for (Row row : pool.preparedQuery("SELECT event_id, recorded_at FROM es_events WHERE event_id = ANY($1)")
                    .execute(Tuple.of(arrivals.keySet().toArray(UUID[]::new))).await().atMost(Duration.ofSeconds(30))) {
                Instant recorded = row.getOffsetDateTime(1).toInstant();
                millis.add(Duration.between(recorded, arrivals.get(row.getUUID(0))).toNanos() / 1e6);
            }
            Collections.sort(millis);
            System.out.printf("webhook delivery latency, commit to receiver, %d referrals by %d clients: "
                            + "p50 %.1f ms, p99 %.1f ms, max %.1f ms (poll %s)%n", millis.size(), CLIENTS,
                    millis.get(millis.size() / 2), millis.get((int) Math.ceil(millis.size() * 0.99) - 1),
                    millis.get(millis.size() - 1), "PT0.1S");
        } finally {
            receiver.stop(0);
        }
    }
}
