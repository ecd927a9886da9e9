package fr.hubag.gateway;

import fr.hubag.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's own cost per request, in one run: wrk registers places (tools/bench/register.lua, 64 connections)
 * straight to a local backend, then through the gateway to the same backend, twice each, alternating. Opt-in, since
 * it takes a minute and needs wrk: {@code -Dgateway.bench=true} (not {@code hub.*}, which the gateway's configuration
 * would refuse as unknown); docs/benchmarks.md. Fails if any request fails.
 */
@QuarkusTest
@TestProfile(GatewayOverheadTest.Unlimited.class)
@QuarkusTestResource(RecordingBackend.class)
@EnabledIfSystemProperty(named = "gateway.bench", matches = "true")
class GatewayOverheadTest {

    private static final Pattern RESULT = Pattern.compile("(\\d+)/s; latency p50 ([\\d.]+) ms, p99 ([\\d.]+) ms; "
            + "errors (\\d+); non-2xx (\\d+)");

    /** One token sends every request: no per-caller limit in the way of the measure. */
    public static class Unlimited implements QuarkusTestProfile {
        @Override
        public java.util.Map<String, String> getConfigOverrides() {
            return java.util.Map.of("hub.gateway.limits.requests-per-second", "1000000");
        }
    }

    @Test
    void requestsPerSecondThroughTheGatewayAndStraightToTheService() throws Exception {
        String token = TestTokens.coordinator("MQ");
        String direct = ConfigProvider.getConfig().getValue("hub.routes.actors", String.class) + "/api/actors";
        String gateway = "http://localhost:" + RestAssured.port + "/api/actors";
        int seconds = Integer.getInteger("gateway.bench.seconds", 10);
        wrk(direct, token, 5);
        wrk(gateway, token, 5);
        for (int round = 1; round <= 2; round++) {
            Matcher straight = wrk(direct, token, seconds);
            Matcher through = wrk(gateway, token, seconds);
            double a = Double.parseDouble(straight.group(1));
            double b = Double.parseDouble(through.group(1));
            System.out.printf("round %d, 64 connections, %d s each: straight to the backend %s; through the gateway "
                    + "%s; the gateway's cost %.0f µs of the machine per request (1/through - 1/straight)%n", round,
                    seconds, straight.group(), through.group(), (1 / b - 1 / a) * 1e6);
        }
    }

    private static Matcher wrk(String url, String token, int seconds) throws IOException, InterruptedException {
        Path script = Path.of("../../tools/bench/register.lua").toAbsolutePath().normalize();
        ProcessBuilder builder = new ProcessBuilder("wrk", "-t2", "-c64", "-d" + seconds + "s", "-s",
                script.toString(), url).redirectErrorStream(true);
        builder.environment().put("TOKEN", token);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        Matcher result = RESULT.matcher(output);
        assertThat(result.find()).as(output).isTrue();
        assertThat(result.group(4)).as("connection errors: " + output).isEqualTo("0");
        assertThat(result.group(5)).as("non-2xx answers: " + output).isEqualTo("0");
        assertThat(Files.exists(script)).isTrue();
        return result;
    }
}
