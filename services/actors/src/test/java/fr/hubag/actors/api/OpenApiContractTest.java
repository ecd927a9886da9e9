package fr.hubag.actors.api;

import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.OpenApiContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** The committed contracts/openapi/actors.json is the API this service really serves (see contracts/README.md). */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "actors"))
class OpenApiContractTest {

    @Test
    void theServedOpenApiIsTheCommittedContract() {
        OpenApiContract.assertMatchesCommitted("actors");
    }

    @Test
    void vocabulariesArePublishedWithTheCodesTheEndpointsAccept() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("components.schemas.Service.enum", hasItem("Aide aux démarches administratives"))
                .body("components.schemas.Service.enum", not(hasItem("AIDE_AUX_DEMARCHES_ADMINISTRATIVES")))
                .body("components.schemas.AidantRole.enum[0]", equalTo("mediateur_numerique"))
                .body("components.schemas.Itinerance.enum", contains(List.of("Itinérant", "Fixe").toArray()));
    }
}
