package fr.hubag.impact;

import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.OpenApiContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The impact service runs on its own database with the event-sourcing kernel's tables; its domain arrives with its
 * own issue. Until then it is ready, documented, and refuses what it does not serve with a problem document.
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "impact"))
class ImpactServiceTest {

    @Test
    void isReadyOnItsOwnDatabase() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void answersUnknownPathsWithAProblem() {
        given().get("/api/impact/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theServedOpenApiIsTheCommittedContract() {
        OpenApiContract.assertMatchesCommitted("impact");
    }
}
