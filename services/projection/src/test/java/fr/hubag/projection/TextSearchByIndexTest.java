package fr.hubag.projection;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import java.util.Map;

/** {@link TextSearchTest} with a walk of one name: the other words are found by the GIN index and sorted. */
@QuarkusTest
@TestProfile(TextSearchByIndexTest.OneNameWalks.class)
class TextSearchByIndexTest extends TextSearchTest {

    public static class OneNameWalks implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hub.projection.text-window", "1");
        }
    }
}
