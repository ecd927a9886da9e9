package fr.hubag.actors.api;

import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static fr.hubag.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How fast a large file of the standard imports, through the REST endpoint against real PostgreSQL: a first import
 * that creates every place, then the same file again (every row unchanged). Prints rows per second; asserts only
 * that every row was imported. Run:
 * {@code ./hub test -pl services/actors -Dtest=ImportBenchmark -Dhub.bench=true -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dhub.bench.rows=10000} by default).
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "actors"))
class ImportBenchmark {

    static final String[][] COMMUNES = {
            {"Fort-de-France", "97200", "97209", "14.60", "-61.07"}, {"Le Lamentin", "97232", "97213", "14.61", "-61.00"},
            {"Le Robert", "97231", "97222", "14.68", "-60.94"}, {"Schœlcher", "97233", "97229", "14.61", "-61.09"},
            {"Sainte-Marie", "97230", "97228", "14.78", "-60.99"}, {"Le François", "97240", "97210", "14.62", "-60.90"}};

    @Test
    void importsALargeFile() {
        Assumptions.assumeTrue(Boolean.getBoolean("hub.bench"), "benchmark: run with -Dhub.bench=true");
        int rows = Integer.getInteger("hub.bench.rows", 10_000);
        byte[] file = file(rows);
        String token = TestTokens.coordinator("MQ");
        long start = System.nanoTime();
        JsonPath first = post(token, file);
        double firstSeconds = (System.nanoTime() - start) / 1e9;
        assertThat(first.getInt("summary.created")).as(first.getString("rows.findAll { it.status == 'rejected' }[0]"))
                .isEqualTo(rows);
        start = System.nanoTime();
        JsonPath second = post(token, file);
        double secondSeconds = (System.nanoTime() - start) / 1e9;
        assertThat(second.getInt("summary.unchanged")).isEqualTo(rows);
        System.out.printf("%nIMPORT BENCHMARK: %d rows, %.1f MB of CSV%n", rows, file.length / 1e6);
        System.out.printf("  first import (all created):    %.2f s, %.0f rows/s (server-side %d ms)%n", firstSeconds,
                rows / firstSeconds, first.getLong("summary.millis"));
        System.out.printf("  second import (all unchanged): %.2f s, %.0f rows/s (server-side %d ms)%n%n", secondSeconds,
                rows / secondSeconds, second.getLong("summary.millis"));
    }

    static JsonPath post(String token, byte[] file) {
        return given().header("Authorization", bearer(token)).contentType("text/csv").body(file)
                .post("/api/actors/imports").then().statusCode(200).extract().jsonPath();
    }

    static byte[] file(int rows) {
        StringBuilder csv = new StringBuilder("id,pivot,nom,commune,code_postal,code_insee,adresse,latitude,longitude,"
                + "typologie,telephone,horaires,date_maj,services,publics_specifiquement_adresses,frais_a_charge,"
                + "modalites_acces,modalites_accompagnement\n");
        for (int i = 0; i < rows; i++) {
            String[] c = COMMUNES[i % COMMUNES.length];
            double lat = Double.parseDouble(c[3]) + (i % 100) * 0.0004;
            double lon = Double.parseDouble(c[4]) + (i / 100 % 100) * 0.0004;
            csv.append("bench-").append(i).append(',').append(siret(i)).append(",Lieu ").append(i).append(',')
                    .append(c[0]).append(',').append(c[1]).append(',').append(c[2]).append(",").append(i)
                    .append(" rue de la République,").append(String.format(java.util.Locale.ROOT, "%.5f,%.5f", lat, lon))
                    .append(",EPN,0596").append(String.format("%06d", i)).append(",Mo-Fr 08:00-12:00,2026-11-01,")
                    .append("Aide aux démarches administratives|Maîtrise des outils numériques du quotidien,Seniors,")
                    .append("Gratuit,Se présenter|Téléphoner,Accompagnement individuel\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A Luhn-valid SIRET for row i. */
    static String siret(int i) {
        String body = String.format("3%012d", i);
        for (int check = 0; check < 10; check++) {
            String candidate = body + check;
            int sum = 0;
            for (int k = 0; k < 14; k++) {
                int d = candidate.charAt(13 - k) - '0';
                if (k % 2 == 1) {
                    d *= 2;
                    if (d > 9) {
                        d -= 9;
                    }
                }
                sum += d;
            }
            if (sum % 10 == 0) {
                return candidate;
            }
        }
        throw new IllegalStateException();
    }
}
