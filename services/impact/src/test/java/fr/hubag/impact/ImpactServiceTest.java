package fr.hubag.impact;

import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.ServiceBaselineTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** The impact service before its domain arrives: ready on its own database, problem documents, committed OpenAPI. */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "impact"))
class ImpactServiceTest extends ServiceBaselineTest {

    @Override
    protected String service() {
        return "impact";
    }
}
