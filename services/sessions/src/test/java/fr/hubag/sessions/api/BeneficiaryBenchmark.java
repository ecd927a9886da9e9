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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

import static fr.hubag.sessions.api.BeneficiariesTestSupport.BENEFICIARIES;
import static fr.hubag.sessions.api.BeneficiariesTestSupport.person;
import static fr.hubag.sessions.api.BeneficiariesTestSupport.registration;
import static fr.hubag.sessions.api.SessionsTestSupport.as;
import static fr.hubag.sessions.api.SessionsTestSupport.workshop;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What encryption per person costs over HTTP, against real PostgreSQL: {@code hub.bench.clients} (64) clients
 * register {@code hub.bench.beneficiaries} (2000) people (a vault transaction then the events), read each back
 * (unwrap the key, open seven values), then erase each (key first, then the event), beside a control (sessions
 * scheduled: the kernel alone, same clients and moment). Prints each phase's rate;
 * asserts only the answers. Run:
 * {@code ./mvnw -o -q verify -pl services/sessions -am -Dtest=BeneficiaryBenchmark -Dhub.bench=true
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "sessions"))
class BeneficiaryBenchmark {

    @Test
    void registersReadsAndErasesConcurrently() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("hub.bench"), "benchmark: run with -Dhub.bench=true");
        int clients = Integer.getInteger("hub.bench.clients", 64);
        int people = Integer.getInteger("hub.bench.beneficiaries", 2000);
        String token = TestTokens.coordinator("GF");
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        run(clients, 200, i -> register(token, i)); // warm-up, not measured
        // the control: a command of the kernel alone (a session scheduled), same clients, same JVM, same moment
        double control = run(clients, people, i -> as(token).body(workshop("GF", "2031-01-01T09:00", 20))
                .post("/api/sessions").then().statusCode(201));
        double register = run(clients, people, i -> ids.add(register(token, i)));
        double read = run(clients, people, i -> as(token).get(BENEFICIARIES + "/" + ids.get(i)).then()
                .statusCode(200));
        double erase = run(clients, people, i -> as(token).delete(BENEFICIARIES + "/" + ids.get(i)).then()
                .statusCode(200));
        assertThat(ids).hasSize(people);
        System.out.printf("%nBENEFICIARIES BENCHMARK: %d people, %d concurrent clients%n", people, clients);
        System.out.printf("  control, schedule a session (kernel only): %.2f s, %.0f/s%n", control, people / control);
        System.out.printf("  register (vault + 2 events): %.2f s, %.0f/s%n", register, people / register);
        System.out.printf("  read (unwrap + open 7 values): %.2f s, %.0f/s%n", read, people / read);
        System.out.printf("  erase (key, then 1 event):  %.2f s, %.0f/s%n%n", erase, people / erase);
    }

    private static String register(String token, int i) {
        String body = registration("GF", "97302", person("Personne " + i, "+594 694 00 " + String.format("%04d", i),
                "personne" + i + "@exemple.fr"));
        return as(token).body(body).post(BENEFICIARIES).then().statusCode(201).extract().path("id");
    }

    /** Runs {@code count} calls on {@code clients} threads; returns the seconds it took. */
    private static double run(int clients, int count, IntConsumer call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                calls.add(pool.submit(() -> call.accept(n)));
            }
            for (Future<?> done : calls) {
                done.get();
            }
            return (System.nanoTime() - started) / 1e9;
        } finally {
            pool.shutdown();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
