package fr.hubag.sessions.api;

import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static fr.hubag.sessions.api.SessionsTestSupport.ACTOR;
import static fr.hubag.sessions.api.SessionsTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11's figure "activity reports recorded/s": 16 clients (mediators' phones) each post reports one after the
 * other — an individual accompaniment, then a workshop with anonymous counts — every one its own stream, through
 * the whole HTTP path (JWT, validation, access, kernel, PostgreSQL). Prints the rate and latencies; asserts only
 * that every report was recorded. Opt-in:
 * {@code ./mvnw -pl services/sessions -am verify -Dtest=ActivityReportBenchmark -Dhub.bench=true
 * -Dsurefire.failIfNoSpecifiedTests=false} ({@code -Dhub.bench.reports=4000} by default, after 400 to warm up).
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "sessions"))
class ActivityReportBenchmark {

    private static final int CLIENTS = 16;

    @Test
    void activityReportsRecordedPerSecondWithSixteenClients() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("hub.bench"), "benchmark: run with -Dhub.bench=true");
        int reports = Integer.getInteger("hub.bench.reports", 4_000);
        String mediator = TestTokens.mediatorAt("GF", ACTOR);
        run(mediator, 400);
        long started = System.nanoTime();
        List<Long> latencies = run(mediator, reports);
        double seconds = (System.nanoTime() - started) / 1e9;
        Collections.sort(latencies);
        System.out.printf("activity reports: %d recorded by %d concurrent clients in %.2f s = %.0f reports/s; "
                        + "latency p50 %.1f ms, p99 %.1f ms%n", latencies.size(), CLIENTS, seconds,
                latencies.size() / seconds, latencies.get(latencies.size() / 2) / 1e6,
                latencies.get((int) (latencies.size() * 0.99)) / 1e6);
    }

    /** {@code total} reports shared among the clients; returns each one's latency in nanoseconds. */
    private static List<Long> run(String token, int total) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<List<Long>>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int share = total / CLIENTS + (c < total % CLIENTS ? 1 : 0);
                done.add(clients.submit(() -> {
                    List<Long> mine = new ArrayList<>(share);
                    for (int i = 0; i < share; i++) {
                        String body = i % 2 == 0
                                ? ActivityReportResourceTest.individualReport("GF", "97302", UUID.randomUUID())
                                : ActivityReportResourceTest.workshopReport("GF", "97302");
                        long sent = System.nanoTime();
                        int status = as(token).header("Idempotency-Key", UUID.randomUUID().toString()).body(body)
                                .post(ActivityReportResourceTest.REPORTS).statusCode();
                        mine.add(System.nanoTime() - sent);
                        assertThat(status).isEqualTo(201);
                    }
                    return mine;
                }));
            }
            List<Long> latencies = new ArrayList<>();
            for (Future<List<Long>> client : done) {
                latencies.addAll(client.get());
            }
            return latencies;
        } finally {
            clients.shutdown();
        }
    }
}
