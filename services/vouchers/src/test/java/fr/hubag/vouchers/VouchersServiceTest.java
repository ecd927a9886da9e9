package fr.hubag.vouchers;

import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.ServiceBaselineTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** The vouchers service's baseline: ready on its own database, problem documents, metrics, fuzzed operations, committed OpenAPI. */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "vouchers"))
class VouchersServiceTest extends ServiceBaselineTest {

    @Override
    protected String service() {
        return "vouchers";
    }
}
