package fr.hubag.actors.api;

import fr.hubag.actors.domain.place.LegacyMartinique;
import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.StandardSchema;
import fr.hubag.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static fr.hubag.actors.api.ImportResourceTest.fresh;
import static fr.hubag.actors.api.ImportResourceTest.importBody;
import static fr.hubag.actors.api.ImportResourceTest.row;
import static fr.hubag.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hub's own published data, in the older national format (issue 10), imported through the API as a Martinique
 * coordinator would: the good rows imported with every correction listed, the real defects refused on their
 * field, the near duplicate proposed, nothing recorded again on a second import, and what was imported valid in
 * the standard v1.0.2.
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "actors"))
class LegacyImportTest {

    @Test
    void theOlderFormatImportsItsGoodRowsWithEveryCorrectionListed() {
        String mq = TestTokens.coordinator("MQ");
        for (String file : List.of(LegacyMartinique.JSON, LegacyMartinique.CSV)) {
            byte[] body = fresh(file);
            String type = file.endsWith(".json") ? "application/json" : "text/csv";
            JsonPath report = importBody(mq, body, type, "?acceptUnknownPivot=true");
            assertThat(report.getBoolean("legacy")).as(file).isTrue();
            assertThat(report.getList("ignoredColumns")).as(file).isEmpty();
            assertThat(report.getInt("summary.rows")).isEqualTo(LegacyMartinique.ROWS);
            assertThat(report.getInt("summary.created")).as(report.prettify())
                    .isEqualTo(LegacyMartinique.CORRECTED.size());
            assertThat(report.getInt("summary.rejected")).isEqualTo(LegacyMartinique.REJECTED.size());
            for (int n = 1; n <= LegacyMartinique.ROWS; n++) {
                Map<String, Object> row = row(report, n);
                if (LegacyMartinique.REJECTED.containsKey(n)) {
                    assertThat(row).as(file + " row " + n).containsEntry("status", "rejected");
                    assertThat(report.getList("rows.find { it.row == " + n + " }.problems.field"))
                            .as(file + " row " + n).containsExactly(LegacyMartinique.REJECTED.get(n));
                    continue;
                }
                assertThat(row).as(file + " row " + n).containsEntry("status", "created")
                        .containsEntry("territory", "MQ");
                List<Map<String, Object>> warnings = report.getList("rows.find { it.row == " + n + " }.warnings");
                assertThat(new HashSet<>(warnings.stream().map(w -> String.valueOf(w.get("kind"))).toList()))
                        .as(file + " row " + n).isEqualTo(LegacyMartinique.CORRECTED.get(n));
                assertThat(warnings).allSatisfy(w -> assertThat(w).containsKeys("field", "reason", "kind"));
            }
            Map<String, Object> zero = report.getMap("rows.find { it.row == 2 }.warnings"
                    + ".find { it.kind == 'phone-leading-zero-added' }");
            assertThat(zero).containsEntry("field", "telephone").containsEntry("read", "596516976")
                    .containsEntry("recorded", "0596516976");
            assertThat(report.getList("mergeCandidates.find { it.row == " + LegacyMartinique.NEAR_DUPLICATE.get(0)
                    + " }.similarTo.row")).contains(LegacyMartinique.NEAR_DUPLICATE.get(1));

            JsonPath again = importBody(mq, body, type, "?acceptUnknownPivot=true");
            assertThat(again.getInt("summary.created") + again.getInt("summary.updated")).as(file).isZero();
            assertThat(again.getInt("summary.unchanged")).isEqualTo(LegacyMartinique.CORRECTED.size());

            List<Map<String, String>> exported = new ArrayList<>();
            for (int n : LegacyMartinique.CORRECTED.keySet()) {
                String actorId = String.valueOf(row(report, n).get("actorId"));
                Map<String, Object> place = given().header("Authorization", bearer(mq))
                        .get("/api/actors/" + actorId).then().statusCode(200).extract().path("place");
                exported.add(standardRow(actorId, place));
            }
            assertThat(StandardSchema.mediationNum().validate(exported)).as(file).isEmpty();
        }
    }

    /** A place as the standard's CSV row (what the projection's export writes), to be judged by its schema. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> standardRow(String actorId, Map<String, Object> place) {
        Map<String, Object> commune = (Map<String, Object>) place.get("commune");
        Map<String, String> row = new LinkedHashMap<>();
        Map<String, Object> source = new LinkedHashMap<>(place);
        source.put("commune.name", commune.get("name"));
        source.put("commune.postcode", commune.get("postcode"));
        source.put("commune.inseeCode", commune.get("inseeCode"));
        for (fr.hubag.actors.domain.place.StandardField field
                : fr.hubag.actors.domain.place.StandardField.standardColumns()) {
            Object value = field.standardName().equals("id") ? actorId : source.get(field.apiName());
            row.put(field.standardName(), value == null ? ""
                    : value instanceof List<?> list ? String.join("|", list.stream().map(String::valueOf).toList())
                    : String.valueOf(value));
        }
        return row;
    }
}
