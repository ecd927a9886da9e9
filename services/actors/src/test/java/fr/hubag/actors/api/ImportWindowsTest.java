package fr.hubag.actors.api;

import fr.hubag.actors.infra.PlaceKeyIndex;
import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.HubInfrastructure;
import fr.hubag.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static fr.hubag.actors.api.ActorsTestSupport.as;
import static fr.hubag.actors.api.ActorsTestSupport.martiniqueActor;
import static fr.hubag.actors.api.ImportResourceTest.fresh;
import static fr.hubag.actors.api.ImportResourceTest.importBody;
import static fr.hubag.actors.api.ImportResourceTest.row;
import static fr.hubag.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Imports read and recorded in windows: likely duplicates found through the indexed keys — against the census (a
 * place registered through the API, a merge), within a window and across windows — a dry run that records nothing,
 * and the summary's count of warnings by kind.
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "actors"))
class ImportWindowsTest {

    static final String HEADER = "id,pivot,nom,commune,code_postal,code_insee,adresse,latitude,longitude,typologie,"
            + "telephone,horaires,date_maj,services,publics_specifiquement_adresses,frais_a_charge,modalites_acces,"
            + "modalites_accompagnement\n";

    @Inject
    Pool pool;

    @Inject
    PlaceKeyIndex keys;

    long count(String sql) {
        return pool.query(sql).execute().await().indefinitely().iterator().next().getLong(0);
    }

    /** A row in Fort-de-France without coordinates, so that only names, addresses and phones make pairs. */
    static String csvRow(String id, int n, String name, String address, String phone) {
        return id + "," + ImportBenchmark.siret(n) + ",\"" + name + "\",Fort-de-France,97200,97209,\"" + address
                + "\",,,EPN,"
                + phone + ",Mo-Fr 08:00-12:00,2026-11-01,Aide aux démarches administratives,Seniors,Gratuit,"
                + "Se présenter,Accompagnement individuel\n";
    }

    static List<Object> similarRows(JsonPath report, int row) {
        return report.getList("mergeCandidates.find { it.row == " + row + " }.similarTo.row");
    }

    @Test
    void duplicatesAreFoundInTheCensusWithinAWindowAndAcrossWindowsWhateverTheCaseAndAccents() {
        String mq = TestTokens.coordinator("MQ");
        String p = "w" + System.nanoTime();
        String census = as(mq).body(martiniqueActor("Cyber-Base " + p + " de l'Été")).post("/api/actors")
                .then().statusCode(201).extract().path("id");
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 601; i++) {
            String name = switch (i) {
                case 3 -> "CYBER BASE " + p.toUpperCase() + " DE L ETE";
                case 2, 560 -> i == 2 ? "Médiathèque " + p + " Schœlcher" : "MEDIATHEQUE " + p + " SCHOELCHER";
                default -> "Lieu " + p + " " + i;
            };
            String address = i == 3 ? "1, Rue Victor-Hugo" : i == 560 ? "2 rue des Écoles" : i == 2 ? "2 Rue des ecoles"
                    : i + " rue " + p;
            String phone = i == 4 || i == 5 ? "0596" + p.substring(p.length() - 6) : "";
            csv.append(csvRow(i == 601 ? p + "-1" : p + "-" + i, i, name, address, phone));
        }
        JsonPath report = importBody(mq, csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv", "");

        assertThat(report.getInt("summary.rows")).isEqualTo(601);
        assertThat(report.getInt("summary.created")).as(report.getString("rows.find { it.status == 'rejected' }"))
                .isEqualTo(600);
        assertThat(report.getList("mergeCandidates.find { it.row == 3 }.similarTo.actorId")).containsExactly(census);
        assertThat(report.getList("mergeCandidates.find { it.row == 3 }.similarTo[0].reasons"))
                .containsExactly("same name and address");
        assertThat(similarRows(report, 5)).containsExactly(4);
        assertThat(similarRows(report, 560)).containsExactly(2);
        assertThat(report.getInt("summary.mergeCandidates")).isEqualTo(3);
        assertThat(row(report, 601)).containsEntry("status", "rejected");
        assertThat(String.valueOf(row(report, 601).get("problems"))).contains("same place id as row 1");
        assertThat(count("SELECT count(*) FROM import_row_keys")).as("scratch keys forgotten").isZero();

        // imported again: nothing recorded, the pairs of the file still named by their rows
        JsonPath again = importBody(mq, csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv", "");
        assertThat(again.getInt("summary.unchanged")).isEqualTo(600);
        assertThat(similarRows(again, 560)).containsExactly(2);
    }

    /**
     * Transaction ids are shared by every database of the server, but only this service's transactions append to its
     * events: one left open in another database (a read model's batch) does not hide a place registered since from
     * an import's look-up of likely duplicates. With the cluster-wide {@code pg_snapshot_xmin} it did.
     */
    @Test
    void aTransactionOfAnotherDatabaseDoesNotHideAJustRegisteredPlaceFromTheImport() throws Exception {
        String mq = TestTokens.coordinator("MQ");
        String p = "x" + System.nanoTime();
        try (Connection held = HubInfrastructure.get().transactionOpenElsewhere()) {
            String census = as(mq).body(martiniqueActor("Fablab " + p)).post("/api/actors")
                    .then().statusCode(201).extract().path("id");
            byte[] file = (HEADER + csvRow(p + "-1", 1, "FABLAB " + p, "1 rue Victor Hugo", ""))
                    .getBytes(StandardCharsets.UTF_8);

            JsonPath report = importBody(mq, file, "text/csv", "?dryRun=true");

            assertThat(report.getList("mergeCandidates.find { it.row == 1 }.similarTo.actorId"))
                    .containsExactly(census);
        }
    }

    @Test
    void anAbsorbedActorIsNoLongerACandidate() {
        String mq = TestTokens.coordinator("MQ");
        String p = "m" + System.nanoTime();
        String survivor = as(mq).body(martiniqueActor("Survivant " + p)).post("/api/actors")
                .then().statusCode(201).extract().path("id");
        String absorbed = as(mq).body(martiniqueActor("Absorbé " + p)).post("/api/actors")
                .then().statusCode(201).extract().path("id");
        byte[] file = (HEADER + csvRow(p + "-1", 1, "ABSORBE " + p, "1 rue Victor Hugo", "")
                + csvRow(p + "-2", 2, "survivant " + p, "1 rue Victor Hugo", "")).getBytes(StandardCharsets.UTF_8);
        JsonPath before = importBody(mq, file, "text/csv", "?dryRun=true");
        assertThat(before.getList("mergeCandidates.find { it.row == 1 }.similarTo.actorId")).containsExactly(absorbed);

        as(mq).body("{\"absorbedActorId\": \"" + absorbed + "\"}").post("/api/actors/" + survivor + "/merges")
                .then().statusCode(200);
        JsonPath after = importBody(mq, file, "text/csv", "");
        assertThat(after.getList("mergeCandidates.row")).containsExactly(2);
        assertThat(after.getList("mergeCandidates.find { it.row == 2 }.similarTo.actorId")).containsExactly(survivor);
    }

    @Test
    void aDryRunAnswersTheFullReportAndRecordsNothing() {
        String mq = TestTokens.coordinator("MQ");
        byte[] messy = fresh("messy-martinique.csv");
        keys.catchUp(); // what other tests recorded is indexed now, not by the dry run
        long events = count("SELECT count(*) FROM es_events");
        long keys = count("SELECT count(*) FROM actor_place_keys");

        JsonPath dry = importBody(mq, messy, "text/csv", "?dryRun=true");
        assertThat(dry.getBoolean("dryRun")).isTrue();
        assertThat(dry.getInt("summary.created")).isEqualTo(3);
        assertThat(dry.getInt("summary.rejected")).isEqualTo(8);
        assertThat(dry.getList("mergeCandidates.find { it.row == 11 }.similarTo.row")).contains(1);
        assertThat(count("SELECT count(*) FROM es_events")).isEqualTo(events);
        assertThat(count("SELECT count(*) FROM actor_place_keys")).isEqualTo(keys);
        assertThat(count("SELECT count(*) FROM import_row_keys")).isZero();

        JsonPath real = importBody(mq, messy, "text/csv", "?dryRun=false");
        assertThat(real.getBoolean("dryRun")).isFalse();
        assertThat(real.getList("rows.status")).isEqualTo(dry.getList("rows.status"));
        assertThat(real.getList("rows.problems")).isEqualTo(dry.getList("rows.problems"));
        assertThat(count("SELECT count(*) FROM es_events")).isEqualTo(events + 3);

        JsonPath dryAgain = importBody(mq, messy, "text/csv", "?dryRun=true");
        assertThat(dryAgain.getInt("summary.unchanged")).isEqualTo(3);

        given().header("Authorization", bearer(mq)).contentType("text/csv").body(messy)
                .post("/api/actors/imports?dryRun=yes").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("dryRun"));
        assertThat(count("SELECT count(*) FROM es_events")).isEqualTo(events + 3);
    }

    @Test
    void theSummaryCountsWarningsByKind() {
        String p = "k" + System.nanoTime();
        String file = HEADER + csvRow(p + "-1", 1, "Lieu " + p + " 1", "1 rue " + p, "")
                + csvRow(p + "-2", 2, "Lieu " + p + " 2", "2 rue " + p, "").replace(",Seniors,Gratuit,", ",seniors,gratuit,")
                + csvRow(p + "-3", 3, "Lieu " + p + " 3", "3 rue " + p, "").replace(",Gratuit,", ",GRATUIT,");
        JsonPath report = importBody(TestTokens.coordinator("MQ"), file.getBytes(StandardCharsets.UTF_8), "text/csv",
                "?dryRun=true");
        Map<String, Integer> expected = new HashMap<>();
        for (Map<String, Object> warning : report.<Map<String, Object>>getList("rows.warnings.flatten()")) {
            Object kind = warning.get("kind") != null ? warning.get("kind") : warning.get("field");
            expected.merge(String.valueOf(kind), 1, Integer::sum);
        }
        assertThat(expected).as(report.prettify()).containsKey("value-spelling-corrected");
        assertThat(report.getMap("summary.warningsByKind")).isEqualTo(expected);
    }
}
