package fr.hubag.actors.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.hubag.actors.domain.place.LegacyMartinique;
import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The older-format fixture grown to a large file — each of its twelve rows repeated with its own id, name, phone
 * and position — imported through the REST endpoint: prints the share of rows imported, rejected and corrected and
 * the rows per second. Run:
 * {@code ./hub test -pl services/actors -Dtest=LegacyImportBenchmark -Dhub.bench=true
 * -Dsurefire.failIfNoSpecifiedTests=false} ({@code -Dhub.bench.rows=10000} by default).
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "actors"))
class LegacyImportBenchmark {

    @Test
    void importsALargeOlderExport() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("hub.bench"), "benchmark: run with -Dhub.bench=true");
        int rows = Integer.getInteger("hub.bench.rows", 10_000);
        ObjectMapper json = new ObjectMapper();
        List<Map<String, Object>> fixture = LegacyMartinique.rows(LegacyMartinique.JSON);
        List<Map<String, Object>> file = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            file.add(copy(fixture.get(i % fixture.size()), i / fixture.size()));
        }
        byte[] body = json.writeValueAsBytes(file);
        long start = System.nanoTime();
        JsonPath report = ImportResourceTest.importBody(TestTokens.coordinator("MQ"), body, "application/json",
                "?acceptUnknownPivot=true");
        double seconds = (System.nanoTime() - start) / 1e9;
        int created = report.getInt("summary.created");
        int rejected = report.getInt("summary.rejected");
        int corrected = report.getInt("rows.findAll { it.status != 'rejected' && it.warnings.size() > 0 }.size()");
        System.out.printf(Locale.ROOT, "%nLEGACY IMPORT BENCHMARK: %d rows of the older format, %.1f MB of JSON%n",
                rows, body.length / 1e6);
        System.out.printf(Locale.ROOT, "  imported %d (%.1f %%), rejected %d (%.1f %%), corrected %d (%.1f %%)%n",
                created, 100.0 * created / rows, rejected, 100.0 * rejected / rows, corrected,
                100.0 * corrected / rows);
        System.out.printf(Locale.ROOT, "  %.2f s, %.0f rows/s (server-side %d ms)%n%n", seconds, rows / seconds,
                report.getLong("summary.millis"));
        assertThat(created + rejected).isEqualTo(rows);
        assertThat(created).isEqualTo(corrected);
    }

    /** Copy {@code k} of a fixture row: its own id, name, phone and a position 220 m or more from the others. */
    private static Map<String, Object> copy(Map<String, Object> row, int k) {
        Map<String, Object> copy = new LinkedHashMap<>(row);
        copy.put("id", "bench-" + k + "-" + row.get("id"));
        copy.put("nom", row.get("nom") + " " + k);
        String phone = String.valueOf(row.get("telephone"));
        if (phone.replaceAll("\\D", "").length() >= 9) {
            String digits = phone.replaceAll("[\\s.]", "");
            copy.put("telephone", digits.substring(0, digits.length() - 4) + String.format("%04d", k % 10_000));
        }
        shift(copy, "latitude", (k % 29) * 0.002);
        shift(copy, "longitude", (k / 29) * 0.002);
        return copy;
    }

    private static void shift(Map<String, Object> row, String column, double by) {
        String value = String.valueOf(row.get(column));
        if (!value.isBlank()) {
            row.put(column, String.format(Locale.ROOT, "%.4f", Double.parseDouble(value) + by));
        }
    }
}
