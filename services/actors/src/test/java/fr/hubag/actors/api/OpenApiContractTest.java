package fr.hubag.actors.api;

import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.OpenApiContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The committed contracts/openapi/actors.json is the API this service really serves (see contracts/README.md). */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "actors"))
class OpenApiContractTest {

    @Test
    void theServedOpenApiIsTheCommittedContract() {
        OpenApiContract.assertMatchesCommitted("actors");
    }
}
