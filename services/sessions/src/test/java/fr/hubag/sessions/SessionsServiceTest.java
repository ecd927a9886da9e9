package fr.hubag.sessions;

import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.ServiceBaselineTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** The sessions service's baseline: ready on its own database, problem documents, OpenAPI, fuzzed operations. */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "sessions"))
class SessionsServiceTest extends ServiceBaselineTest {

    @Override
    protected String service() {
        return "sessions";
    }
}
