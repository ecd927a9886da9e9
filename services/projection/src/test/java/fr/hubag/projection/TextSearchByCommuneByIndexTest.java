package fr.hubag.projection;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link TextSearchByCommuneTest} with a walk of one name: the words left are found by the GIN index and sorted. */
@QuarkusTest
@TestProfile(TextSearchByIndexTest.OneNameWalks.class)
class TextSearchByCommuneByIndexTest extends TextSearchByCommuneTest {
}
