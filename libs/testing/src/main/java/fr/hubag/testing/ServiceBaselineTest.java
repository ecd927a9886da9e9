package fr.hubag.testing;

import fr.hubag.testing.fuzz.OpenApiFuzz;
import fr.hubag.testing.fuzz.OpenApiFuzzCases;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * What every service must do before it has a domain: be ready on its own database (with the kernel's tables),
 * refuse unknown paths with a problem document, serve the OpenAPI committed in contracts/, and expose the kernel's
 * measures at {@code /q/metrics}. A service's test
 * extends it, annotated with {@code @QuarkusTest} and its {@link HubTestResource} database.
 */
public abstract class ServiceBaselineTest {

    /** The service name: its path prefix under /api and its contracts/openapi file. */
    protected abstract String service();

    @Test
    void isReadyOnItsOwnDatabase() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void answersUnknownPathsWithAProblem() {
        // deep enough to match no route of a service with a domain (/{id} would ask for a token first)
        given().get("/api/" + service() + "/nothing-here/nor-here/nor-there").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void exposesTheKernelsMeasuresAtQMetrics() {
        String scrape = Metrics.scrape();
        assertThat(Metrics.missing(scrape, new String[] {"hub_relay_lag_events", "hub_relay_lag_seconds",
                "hub_relay_published_total"}, "relay", service())).isEmpty();
        assertThat(Metrics.has(scrape, "jvm_memory_used_bytes")).isTrue();
    }

    /** Every operation the service declares, including the ones its domain adds later, fuzzed (issue 9). */
    @Test
    void everyOperationRefusesMalformedInputAndStoresNothing() {
        OpenApiFuzz.Report report = new OpenApiFuzz(service(), TestTokens.hubAdmin()).run(
                new OpenApiFuzzCases(OpenApiFuzz.servedDocument(), Map.of(), Map.of(), OpenApiFuzz.SEED).cases(200));
        assertThat(report.failures()).as(report.summary()).isEmpty();
        assertThat(report.storedRows()).isZero();
    }

    @Test
    void theServedOpenApiIsTheCommittedContract() {
        OpenApiContract.assertMatchesCommitted(service());
    }
}
