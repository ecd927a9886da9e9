package fr.hubag.testing;

import org.junit.jupiter.api.Test;

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
        given().get("/api/" + service() + "/nothing-here").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void exposesTheKernelsMeasuresAtQMetrics() {
        String scrape = Metrics.scrape();
        assertThat(Metrics.missing(scrape, new String[] {"hub_relay_lag_events", "hub_relay_lag_seconds",
                "hub_relay_published_total"}, "relay", service())).isEmpty();
        assertThat(Metrics.has(scrape, "jvm_memory_used_bytes")).isTrue();
    }

    @Test
    void theServedOpenApiIsTheCommittedContract() {
        OpenApiContract.assertMatchesCommitted(service());
    }
}
