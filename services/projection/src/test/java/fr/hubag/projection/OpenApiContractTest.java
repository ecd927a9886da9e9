package fr.hubag.projection;

import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.OpenApiContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * The served OpenAPI is the committed contracts/openapi/projection.json (regenerate it with
 * {@code -Dhub.contracts.update=true -Dtest='OpenApi*'}), and the service is ready on its own database.
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "projection"))
class OpenApiContractTest {

    @Test
    void theServedOpenApiIsTheCommittedContract() {
        OpenApiContract.assertMatchesCommitted("projection");
    }

    @Test
    void isReadyAndAnswersUnknownPathsWithAProblem() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/api/projection/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }
}
