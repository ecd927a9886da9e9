package fr.hubag.testing;

import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * What every service must do before it has a domain: be ready on its own database (with the kernel's tables),
 * refuse unknown paths with a problem document, and serve the OpenAPI committed in contracts/. A service's test
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
    void theServedOpenApiIsTheCommittedContract() {
        OpenApiContract.assertMatchesCommitted(service());
    }
}
