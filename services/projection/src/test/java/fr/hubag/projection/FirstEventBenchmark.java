package fr.hubag.projection;

import fr.hubag.testing.HubTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.util.Map;

/**
 * The first-event latency with the consumer configured as before issue 8 (SmallRye's default "throttled" commit
 * strategy, which asks the polling thread for each partition's committed offset on its first record, behind a poll
 * of up to 1 s), to compare with {@link ConsumingTest}'s figures for today's configuration:
 * {@code ./hub test -pl services/projection -Dtest='FirstEventBenchmark,ConsumingTest' -Dhub.bench=true
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@QuarkusTest
@TestProfile(FirstEventBenchmark.ThrottledCommits.class)
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "projection"))
class FirstEventBenchmark {

    public static class ThrottledCommits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.incoming.actor-events.commit-strategy", "throttled",
                    "mp.messaging.incoming.actor-events.enable.auto.commit", "false");
        }
    }

    @Test
    void firstEventsWithThrottledCommits() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("hub.bench"), "benchmark: run with -Dhub.bench=true");
        ConsumingTest.firstRounds("before issue 8: commit-strategy throttled");
    }
}
