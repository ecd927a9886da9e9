package fr.hubag.sessions.api;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fr.hubag.testing.HubInfrastructure;
import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static fr.hubag.sessions.api.ReferralsTestSupport.REFERRALS;
import static fr.hubag.sessions.api.ReferralsTestSupport.submit;
import static fr.hubag.sessions.api.SessionsTestSupport.ACTOR;
import static fr.hubag.sessions.api.SessionsTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * Webhooks against a real local HTTP receiver that verifies every message with the Standard Webhooks reference
 * library: a notification refused twice (503, Retry-After: 1) arrives the third time with the same webhook-id and the
 * partner's log shows the three attempts; a replay of the feed adds nothing; during a rotation both secrets verify;
 * a 410 disables the endpoint; a partner reaches only its own endpoints; and a transaction open in another database
 * of the server does not hold the feed back.
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "sessions"))
class WebhookDeliveryTest {

    private static final String WEBHOOKS = "/api/sessions/webhooks";

    @Inject
    Pool pool;

    private HttpServer receiver;
    private String base;
    private final AtomicInteger failuresLeft = new AtomicInteger(2);
    private final List<String> arrivals = new CopyOnWriteArrayList<>();
    private final List<String> verified = new CopyOnWriteArrayList<>();
    private final List<String> secrets = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", this::receive);
        receiver.createContext("/gone", exchange -> answer(exchange, 410, Map.of()));
        receiver.start();
        base = "http://127.0.0.1:" + receiver.getAddress().getPort();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    /** Verifies with every secret it holds (all must pass), and fails the first two messages on purpose. */
    private void receive(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        arrivals.add(id);
        try {
            for (String secret : secrets) {
                new Webhook(secret).verify(body, exchange.getRequestHeaders());
            }
        } catch (Exception e) {
            answer(exchange, 401, Map.of());
            return;
        }
        if (failuresLeft.getAndDecrement() > 0) {
            answer(exchange, 503, Map.of("retry-after", "1"));
            return;
        }
        verified.add(id + " " + body);
        answer(exchange, 204, Map.of());
    }

    private static void answer(HttpExchange exchange, int status, Map<String, String> headers) throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Test
    void aNotificationRefusedTwiceArrivesSignedWithTheSameIdAndTheLogShowsThreeAttempts() {
        String partner = ReferralsTestSupport.partner("france-travail-" + UUID.randomUUID());
        String endpoint = register(partner, base + "/hook");
        String referral = submit(partner);

        await(() -> verified.size() == 1);
        assertThat(arrivals).hasSize(3).containsOnly(arrivals.get(0));
        assertThat(arrivals.get(0)).startsWith("msg_");
        assertThat(verified.get(0)).contains("\"type\" : \"ReferralSubmitted\"").contains(referral);
        List<Map<String, Object>> log = as(partner).get(WEBHOOKS + "/" + endpoint + "/deliveries").then()
                .statusCode(200).extract().path("");
        assertThat(log).hasSize(1);
        assertThat(log.get(0)).containsEntry("status", "delivered").containsEntry("messageId", arrivals.get(0));
        List<Map<String, Object>> attempts = as(partner).get(WEBHOOKS + "/" + endpoint + "/deliveries").then()
                .extract().path("[0].attempts");
        assertThat(attempts).extracting(a -> a.get("status")).containsExactly(503, 503, 204);
        assertThat(attempts).extracting(a -> a.get("outcome")).containsExactly("retry", "retry", "delivered");
        Instant first = Instant.parse((String) attempts.get(0).get("at"));
        Instant second = Instant.parse((String) attempts.get(1).get("at"));
        assertThat(Duration.between(first, second)).as("Retry-After: 1 honoured").isGreaterThanOrEqualTo(
                Duration.ofMillis(950));

        // the next change arrives at once; a replay of the whole feed adds nothing
        as(TestTokens.coordinator("GF")).post(REFERRALS + "/" + referral + "/accept").then().statusCode(200);
        await(() -> verified.size() == 2);
        pool.query("UPDATE webhook_feed_checkpoint SET last_tx_id = '0', last_position = 0").execute()
                .await().atMost(Duration.ofSeconds(5));
        await(() -> pool.query("SELECT last_position FROM webhook_feed_checkpoint").execute()
                .await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0) > 0);
        sleep(500);
        assertThat(arrivals).hasSize(4);
        as(partner).get(WEBHOOKS + "/" + endpoint + "/deliveries").then().body("size()", equalTo(2));

        // rotation: the receiver holding either secret verifies the next notification
        String rotated = as(partner).post(WEBHOOKS + "/" + endpoint + "/rotate").then().statusCode(200)
                .body("previousSecretValidUntil", org.hamcrest.Matchers.notNullValue())
                .extract().path("secret");
        secrets.add(rotated);
        as(TestTokens.coordinator("GF")).body("{\"actorId\": \"" + ACTOR + "\"}")
                .post(REFERRALS + "/" + referral + "/assign").then().statusCode(200);
        await(() -> verified.size() == 3);
        assertThat(verified.get(2)).contains("ReferralAssigned");

        // a dump of the table gives neither secret away: both are sealed under the master key file
        String row = pool.query("SELECT w::text FROM webhook_endpoints w WHERE id = '" + endpoint + "'").execute()
                .await().atMost(Duration.ofSeconds(5)).iterator().next().getString(0);
        assertThat(secrets).hasSize(2);
        for (String secret : secrets) {
            assertThat(row).doesNotContain(secret).doesNotContain(secret.substring("whsec_".length()));
        }
        assertThat(row).contains("sealed:v1:").doesNotContain("whsec_");
    }

    @Test
    void a410DisablesTheEndpoint() {
        String partner = ReferralsTestSupport.partner("caf-" + UUID.randomUUID());
        String endpoint = register(partner, base + "/gone");
        submit(partner);
        await(() -> "disabled".equals(as(partner).get(WEBHOOKS).then().extract().path("[0].status")));
        as(partner).get(WEBHOOKS).then().body("[0].disabledReason", startsWith("gone"));
        as(partner).get(WEBHOOKS + "/" + endpoint + "/deliveries").then().statusCode(200)
                .body("[0].status", equalTo("failed")).body("[0].attempts[0].status", equalTo(410));
    }

    @Test
    void aPartnerReachesOnlyItsOwnEndpointsAndBadUrlsAreRefused() {
        String partner = ReferralsTestSupport.partner("commune-" + UUID.randomUUID());
        String other = ReferralsTestSupport.partner("commune-" + UUID.randomUUID());
        String endpoint = register(partner, base + "/hook");
        as(other).get(WEBHOOKS + "/" + endpoint + "/deliveries").then().statusCode(404);
        as(other).post(WEBHOOKS + "/" + endpoint + "/rotate").then().statusCode(404);
        as(other).delete(WEBHOOKS + "/" + endpoint).then().statusCode(404);
        assertThat(as(other).get(WEBHOOKS).then().statusCode(200).extract().<List<?>>path("")).isEmpty();
        for (String token : List.of(TestTokens.coordinator("GF"), TestTokens.hubAdmin(),
                TestTokens.mediatorAt("GF", ACTOR), TestTokens.of("analyst", "GF"))) {
            as(token).get(WEBHOOKS).then().statusCode(403);
            as(token).body("{\"url\": \"https://partner.example/hook\"}").post(WEBHOOKS).then().statusCode(403);
        }
        for (String url : List.of("ftp://partner.example/hook", "https://10.0.0.1/hook", "https://169.254.169.254/",
                "not a url")) {
            as(partner).body("{\"url\": \"" + url + "\"}").post(WEBHOOKS).then().statusCode(400)
                    .contentType("application/problem+json");
        }
        as(partner).body("{}").post(WEBHOOKS).then().statusCode(400);
        as(partner).get(WEBHOOKS + "/" + endpoint + "/deliveries?limit=0").then().statusCode(400);
        as(partner).delete(WEBHOOKS + "/" + endpoint).then().statusCode(204);
        as(partner).get(WEBHOOKS + "/" + endpoint + "/deliveries").then().statusCode(404);
    }

    /**
     * Transaction ids are shared by all the databases of a PostgreSQL server, but only this service's transactions can
     * append to its event store: one left open in another database (a read model's batch, another service's command)
     * does not hold the feed back. With the cluster-wide {@code pg_snapshot_xmin} it did, until that one ended.
     */
    @Test
    void aTransactionOfAnotherDatabaseDoesNotHoldTheFeedBack() throws Exception {
        String partner = ReferralsTestSupport.partner("mission-locale-" + UUID.randomUUID());
        failuresLeft.set(0);
        register(partner, base + "/hook");
        try (Connection held = HubInfrastructure.get().transactionOpenElsewhere()) {
            String referral = submit(partner);

            await(() -> verified.size() == 1);
            assertThat(verified.get(0)).contains("ReferralSubmitted").contains(referral);
        }
    }

    private String register(String partner, String url) {
        var created = as(partner).body("{\"url\": \"" + url + "\"}").post(WEBHOOKS).then().statusCode(201)
                .body("secret", startsWith("whsec_")).body("status", equalTo("active")).extract();
        secrets.clear();
        secrets.add(created.path("secret"));
        assertThat(as(partner).get(WEBHOOKS).then().extract().<List<String>>path("secret")).containsOnlyNulls();
        return created.path("id");
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 30 s").isLessThan(deadline);
            sleep(50);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
