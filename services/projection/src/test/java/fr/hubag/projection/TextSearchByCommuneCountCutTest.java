package fr.hubag.projection;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import java.util.Map;

/**
 * {@link TextSearchByCommuneTest} with a count in name order that reads one place of each group: every count of a
 * group walked stops short there, so each total it asserts holds only because the count is made again without the
 * window (GroupMatches, Count.IN_ORDER).
 */
@QuarkusTest
@TestProfile(TextSearchByCommuneCountCutTest.OnePlaceCounted.class)
class TextSearchByCommuneCountCutTest extends TextSearchByCommuneTest {

    public static class OnePlaceCounted implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hub.projection.count-window", "1");
        }
    }
}
