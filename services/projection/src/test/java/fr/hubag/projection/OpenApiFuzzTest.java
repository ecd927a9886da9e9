package fr.hubag.projection;

import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.TestTokens;
import fr.hubag.testing.fuzz.OpenApiFuzz;
import fr.hubag.testing.fuzz.OpenApiFuzzCases;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every read the projection's OpenAPI declares, present and future, with malformed paths and queries (a date of
 * the year minus a billion once made seven open-data endpoints answer 500): never a 5xx, every refusal a problem
 * document.
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "projection"))
class OpenApiFuzzTest {

    @Test
    void everyReadRefusesMalformedInputWithAProblem() {
        OpenApiFuzz.Report report = new OpenApiFuzz(null, TestTokens.hubAdmin()).run(
                new OpenApiFuzzCases(OpenApiFuzz.servedDocument(), Map.of("territory", "MQ", "label", "APTIC"),
                        Map.of(), OpenApiFuzz.SEED).cases(0));
        System.out.println(report.summary());
        assertThat(report.requests()).isGreaterThan(300);
        assertThat(report.failures()).as(report.summary()).isEmpty();
    }
}
