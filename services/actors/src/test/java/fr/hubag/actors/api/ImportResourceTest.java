package fr.hubag.actors.api;

import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static fr.hubag.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Imports of the messy files the hub really receives (brief §6): every bad row reported with its field and reason,
 * the good rows imported, nothing changed by a second import, duplicates proposed and never merged.
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "actors"))
class ImportResourceTest {

    @Inject
    Pool pool;

    long storedEvents() {
        return pool.query("SELECT count(*) FROM es_events").execute().await().indefinitely()
                .iterator().next().getLong(0);
    }

    static byte[] file(String name) {
        try (InputStream in = ImportResourceTest.class.getResourceAsStream("/imports/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonPath importFile(String token, String name, String contentType, String query) {
        return importBody(token, file(name), contentType, query);
    }

    static JsonPath importBody(String token, byte[] body, String contentType, String query) {
        return given().header("Authorization", bearer(token)).contentType(contentType).body(body)
                .post("/api/actors/imports" + query).then().statusCode(200).extract().jsonPath();
    }

    /** The file with ids of its own, so that each test imports new places. */
    static byte[] fresh(String name) {
        String prefix = "t" + System.nanoTime() + "-";
        return new String(file(name), StandardCharsets.UTF_8).replace("\"mq-", "\"" + prefix + "mq-")
                .replace("\"gp-", "\"" + prefix + "gp-").replace("\"re-", "\"" + prefix + "re-")
                .getBytes(StandardCharsets.UTF_8);
    }

    static Map<String, Object> row(JsonPath report, int row) {
        return report.getMap("rows.find { it.row == " + row + " }");
    }

    static String problemFields(JsonPath report, int row) {
        return String.valueOf(report.getList("rows.find { it.row == " + row + " }.problems.field"));
    }

    @Test
    void aMessyFileIsReportedRowByRowAndASecondImportChangesNothing() {
        String mq = TestTokens.coordinator("MQ");
        long before = storedEvents();
        byte[] messy = fresh("messy-martinique.csv");
        JsonPath report = importBody(mq, messy, "text/csv", "");

        assertThat(report.getInt("summary.rows")).isEqualTo(11);
        assertThat(report.getInt("summary.created")).isEqualTo(3);
        assertThat(report.getInt("summary.rejected")).isEqualTo(8);
        assertThat(row(report, 1)).containsEntry("status", "created").containsEntry("territory", "MQ");
        assertThat(problemFields(report, 2)).contains("pivot");
        assertThat(problemFields(report, 3)).contains("id");
        assertThat(problemFields(report, 4)).contains("latitude");
        assertThat(String.valueOf(row(report, 4).get("problems"))).contains("mainland");
        assertThat(row(report, 5)).containsEntry("status", "created");
        assertThat(problemFields(report, 6)).contains("telephone");
        assertThat(row(report, 7)).containsEntry("status", "rejected");
        assertThat(problemFields(report, 8)).contains("nom");
        assertThat(problemFields(report, 9)).contains("publics_specifiquement_adresses");
        assertThat(String.valueOf(row(report, 10).get("problems"))).contains("Guadeloupe");
        assertThat(row(report, 11)).containsEntry("status", "created");
        assertThat(report.getList("mergeCandidates.row")).contains(11);
        assertThat(report.getList("mergeCandidates.find { it.row == 11 }.similarTo.row")).contains(1);
        assertThat(storedEvents()).isEqualTo(before + 3);

        JsonPath again = importBody(mq, messy, "text/csv", "");
        assertThat(again.getInt("summary.created")).isZero();
        assertThat(again.getInt("summary.updated")).isZero();
        assertThat(again.getInt("summary.unchanged")).isEqualTo(3);
        assertThat(storedEvents()).isEqualTo(before + 3);

        JsonPath withUnknownPivots = importBody(mq, messy, "text/csv", "?acceptUnknownPivot=true");
        assertThat(row(withUnknownPivots, 2)).containsEntry("status", "created");
        assertThat(storedEvents()).isEqualTo(before + 4);
    }

    @Test
    void theImportedPhoneIsNormalisedAndThePlaceReadableThroughTheApi() {
        String mq = TestTokens.coordinator("MQ");
        JsonPath report = importBody(mq, fresh("messy-martinique.csv"), "text/csv", "");
        String schoelcher = String.valueOf(row(report, 5).get("actorId"));
        given().header("Authorization", bearer(mq)).get("/api/actors/" + schoelcher)
                .then().statusCode(200).body("place.phone", equalTo("+596596610000"))
                .body("place.commune.inseeCode", equalTo("97229"));
    }

    @Test
    void aHubAdminImportsEveryTerritoryOfTheFile() {
        JsonPath report = importBody(TestTokens.hubAdmin(), fresh("messy-martinique.csv"), "text/csv", "");
        assertThat(row(report, 10)).containsEntry("territory", "GP").containsEntry("status", "created");
    }

    @Test
    void theOlderFormOfTheStandardImportsInCsvAndInJsonAlike() {
        String gf = TestTokens.coordinator("GF");
        JsonPath csv = importFile(gf, "legacy-guyane.csv", "text/csv", "");
        assertThat(csv.getBoolean("legacy")).isTrue();
        assertThat(csv.getInt("summary.rejected")).as(csv.prettify()).isZero();
        String guyaclic = String.valueOf(row(csv, 1).get("actorId"));
        given().header("Authorization", bearer(gf)).get("/api/actors/" + guyaclic).then().statusCode(200)
                .body("place.programmes", equalTo(List.of("Conseillers numériques", "France Services")))
                .body("place.fees", equalTo(List.of("Gratuit", "Payant")))
                .body("place.supportModes", equalTo(List.of("En autonomie", "Accompagnement individuel")))
                .body("place.phone", equalTo("+594594300000"));

        JsonPath json = importFile(gf, "legacy-guyane.json", "application/json", "");
        assertThat(json.getInt("summary.unchanged")).as(json.prettify()).isEqualTo(2);
    }

    @Test
    void aFileThatIsNotAFileOfTheStandardIsRefusedWhole() {
        String mq = TestTokens.coordinator("MQ");
        long before = storedEvents();
        given().header("Authorization", bearer(mq)).contentType("text/csv").body(file("not-a-csv.txt"))
                .post("/api/actors/imports").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("not-standard-csv")).body("detail", containsString("nom"));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        given().header("Authorization", bearer(mq)).contentType("text/csv").body(png)
                .post("/api/actors/imports").then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", bearer(mq)).contentType("application/json")
                .body("[{\"id\": \"a\", \"nom\": \"x\"}, {\"id\": ".getBytes(StandardCharsets.UTF_8))
                .post("/api/actors/imports").then().statusCode(400).body("code", equalTo("not-json"));
        given().header("Authorization", bearer(mq)).contentType("text/csv").body(new byte[0])
                .post("/api/actors/imports").then().statusCode(400);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void onlyCoordinatorsAndHubAdminsImport() {
        for (String role : List.of("mediator", "partner", "analyst")) {
            given().header("Authorization", bearer(TestTokens.of(role, "MQ"))).contentType("text/csv")
                    .body(file("messy-martinique.csv")).post("/api/actors/imports").then().statusCode(403);
        }
        given().contentType("text/csv").body(file("messy-martinique.csv")).post("/api/actors/imports")
                .then().statusCode(401);
    }

    @Test
    void concurrentImportsOfTheSameFileRecordEachPlaceOnce() throws Exception {
        String gf = TestTokens.coordinator("GF");
        String body = new String(file("legacy-guyane.csv"), StandardCharsets.UTF_8)
                .replace("legacy-", "concurrent-");
        long before = storedEvents();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Callable<Integer>> imports = java.util.stream.IntStream.range(0, 4).<Callable<Integer>>mapToObj(i -> () ->
                given().header("Authorization", bearer(gf)).contentType("text/csv").body(body)
                        .post("/api/actors/imports").then().extract().statusCode()).toList();
        for (Future<Integer> status : threads.invokeAll(imports)) {
            assertThat(status.get()).isEqualTo(200);
        }
        threads.shutdown();
        assertThat(storedEvents()).isEqualTo(before + 2);
    }
}
