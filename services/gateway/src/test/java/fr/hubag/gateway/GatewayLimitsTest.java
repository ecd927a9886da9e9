package fr.hubag.gateway;

import fr.hubag.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static fr.hubag.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Per-caller limits, set low here: requests a second, and uploads at once, each a 429 problem with Retry-After. */
@QuarkusTest
@TestProfile(GatewayLimitsTest.Tight.class)
@QuarkusTestResource(RecordingBackend.class)
class GatewayLimitsTest {

    static final int PER_SECOND = 20;

    public static class Tight implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hub.gateway.limits.requests-per-second", Integer.toString(PER_SECOND),
                    "hub.gateway.limits.anonymous-requests-per-second", Integer.toString(PER_SECOND),
                    "hub.gateway.limits.concurrent-uploads", "1");
        }
    }

    @Test
    void overItsRequestsASecondOneCallerGets429WithRetryAfterAndOthersDoNot() {
        String caller = bearer(TestTokens.coordinator("MQ"));
        assertLimited(() -> given().header("Authorization", caller).get("/api/actors/1"));
        given().header("Authorization", bearer(TestTokens.coordinator("MQ"))).get("/api/actors/1")
                .then().statusCode(200);
    }

    @Test
    void withoutATokenTheCallerIsItsAddress() {
        assertLimited(() -> given().get("/api/projection/territories/MQ/actors"));
    }

    private static void assertLimited(java.util.function.Supplier<Response> call) {
        long start = System.nanoTime();
        int admitted = 0;
        List<Response> refused = new ArrayList<>();
        for (int i = 0; i < 3 * PER_SECOND; i++) {
            Response response = call.get();
            if (response.statusCode() == 200) {
                admitted++;
            } else {
                refused.add(response);
            }
        }
        long seconds = (System.nanoTime() - start) / 1_000_000_000 + 1;
        assertThat(refused).isNotEmpty();
        refused.forEach(response -> response.then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", "1").body("code", org.hamcrest.Matchers.equalTo("too-many-requests")));
        assertThat(admitted).as("one-second windows over %d s", seconds)
                .isBetween(PER_SECOND, (int) (PER_SECOND * (seconds + 1)));
    }

    /** The first upload is admitted and held by the service (it answers after its delay). */
    private static void awaitUploadAtTheService() throws Exception {
        for (int attempt = 0; attempt < 200; attempt++) {
            if (!RecordingBackend.ask("/test/uploads-in-flight").equals("0")) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the first upload never reached the service");
    }

    @Test
    void oneCallerHasOneUploadAtATimeHereWhileOthersUploadToo() throws Exception {
        String caller = bearer(TestTokens.forSubject("one-uploader", "coordinator", "MQ"));
        CompletableFuture<HttpResponse<String>> running = CompletableFuture.supplyAsync(() -> {
            try {
                return Upload.post("/api/actors/imports?delay=5000", caller, 64 * 1024);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        awaitUploadAtTheService();
        HttpResponse<String> refused = Upload.post("/api/actors/imports", caller, 1024);
        assertThat(refused.statusCode()).as("a second upload while the first runs: %s", refused.body())
                .isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("\"code\":\"too-many-uploads\"");
        assertThat(Upload.post("/api/actors/imports", bearer(TestTokens.forSubject("another-uploader", "coordinator", "GP")), 1024).statusCode())
                .as("another caller uploads meanwhile").isEqualTo(201);
        assertThat(running.isDone()).isFalse();
        assertThat(running.get().statusCode()).isEqualTo(201);
        assertThat(Upload.post("/api/actors/imports", caller, 1024).statusCode())
                .as("the slot is free again once the first upload ended").isEqualTo(201);
    }
}
