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

import static fr.hubag.sessions.api.ActivityReportResourceTest.individualReport;
import static fr.hubag.sessions.api.ActivityReportResourceTest.workshopReport;
import static fr.hubag.sessions.api.BatchesTestSupport.BATCHES;
import static fr.hubag.sessions.api.BatchesTestSupport.anHourAgo;
import static fr.hubag.sessions.api.BatchesTestSupport.batch;
import static fr.hubag.sessions.api.BatchesTestSupport.reportItem;
import static fr.hubag.sessions.api.SessionsTestSupport.ACTOR;
import static fr.hubag.sessions.api.SessionsTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long a phone waits for a full batch: 200 activity reports (individual accompaniments and workshops with
 * anonymous counts, alternately) sent as one batch, then the same batch sent again (every item already recorded),
 * through the whole HTTP path. Prints the times; asserts only that every item was applied. Opt-in:
 * {@code ./mvnw -pl services/sessions -am verify -Dtest=OfflineBatchBenchmark -Dhub.bench=true
 * -Dsurefire.failIfNoSpecifiedTests=false} ({@code -Dhub.bench.batches=10} batches after 2 to warm up).
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "sessions"))
class OfflineBatchBenchmark {

    private static final int ITEMS = 200;

    @Test
    void aBatchOfTwoHundredItemsAndItsReSend() {
        Assumptions.assumeTrue(Boolean.getBoolean("hub.bench"), "benchmark: run with -Dhub.bench=true");
        int batches = Integer.getInteger("hub.bench.batches", 10);
        String mediator = TestTokens.mediatorAt("GF", ACTOR);
        for (int i = 0; i < 2; i++) {
            sendTwice(mediator, fullBatch());
        }
        List<Long> firsts = new ArrayList<>();
        List<Long> resends = new ArrayList<>();
        for (int i = 0; i < batches; i++) {
            long[] times = sendTwice(mediator, fullBatch());
            firsts.add(times[0]);
            resends.add(times[1]);
        }
        Collections.sort(firsts);
        Collections.sort(resends);
        System.out.printf("offline batches of %d activity reports, %d batches one after the other: first send "
                        + "median %.0f ms (min %.0f, max %.0f) = %.0f items/s; re-send (all already-recorded) median "
                        + "%.0f ms (min %.0f, max %.0f)%n", ITEMS, batches, firsts.get(batches / 2) / 1e6,
                firsts.get(0) / 1e6, firsts.get(batches - 1) / 1e6, ITEMS / (firsts.get(batches / 2) / 1e9),
                resends.get(batches / 2) / 1e6, resends.get(0) / 1e6, resends.get(batches - 1) / 1e6);
    }

    private static String fullBatch() {
        String[] items = new String[ITEMS];
        for (int i = 0; i < ITEMS; i++) {
            items[i] = reportItem(UUID.randomUUID(), anHourAgo(), i % 2 == 0
                    ? individualReport("GF", "97302", UUID.randomUUID()) : workshopReport("GF", "97302"));
        }
        return batch(items);
    }

    /** The batch's first send and its re-send, in nanoseconds. */
    private static long[] sendTwice(String token, String body) {
        long started = System.nanoTime();
        int created = as(token).body(body).post(BATCHES).then().statusCode(200).extract().path("created");
        long first = System.nanoTime() - started;
        started = System.nanoTime();
        int already = as(token).body(body).post(BATCHES).then().statusCode(200).extract().path("alreadyRecorded");
        long again = System.nanoTime() - started;
        assertThat(created).isEqualTo(ITEMS);
        assertThat(already).isEqualTo(ITEMS);
        return new long[]{first, again};
    }
}
