package fr.hubag.projection;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link TextSearchOracleTest} with a walk of one name: the words left are found by the GIN indexes and sorted. */
@QuarkusTest
@TestProfile(TextSearchByIndexTest.OneNameWalks.class)
class TextSearchOracleByIndexTest extends TextSearchOracleTest {
}
