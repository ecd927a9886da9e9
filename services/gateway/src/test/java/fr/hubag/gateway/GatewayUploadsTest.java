package fr.hubag.gateway;

import fr.hubag.testing.Race;
import fr.hubag.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;

import static fr.hubag.gateway.Upload.MIB;
import static fr.hubag.testing.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies at the edge: the gateway decides on the request's head before it reads a body, streams what it forwards,
 * and holds neither in its heap (issue 9: 16 concurrent anonymous 16 MB imports once ended it with OutOfMemoryError).
 * The heap measured is this JVM's, the gateway's; the bodies are generated as they are sent.
 */
@QuarkusTest
@QuarkusTestResource(RecordingBackend.class)
class GatewayUploadsTest {

    static final long SIXTEEN_MIB = 16L * MIB;
    private static final String IMPORTS = "/api/actors/imports";

    @Test
    @SuppressWarnings("unchecked")
    void sixtyFourAnonymousUploadsOf16MiBAreRefusedWithoutGrowingTheHeap() throws Exception {
        assertThat(Upload.post(IMPORTS, null, 1024).statusCode()).isEqualTo(401);
        HeapWatch heap = new HeapWatch();
        long start = System.nanoTime();
        List<Object> answers = Race.of(64, caller -> Upload.post(IMPORTS, null, SIXTEEN_MIB));
        long millis = (System.nanoTime() - start) / 1_000_000;
        HeapWatch.Figures figures = heap.figures();
        System.out.printf("64 anonymous 16 MiB uploads (1 GiB) refused in %d ms; %s%n", millis, figures);
        for (Object answer : answers) {
            assertThat(answer).isInstanceOf(HttpResponse.class);
            HttpResponse<String> response = (HttpResponse<String>) answer;
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            assertThat(new JsonObject(response.body()).getString("code")).isEqualTo("unauthenticated");
        }
        assertThat(figures.oldGenGrowthMiB()).as("nothing of 1 GiB of refused bodies stays in the heap: %s", figures)
                .isLessThan(48);
    }

    @Test
    @SuppressWarnings("unchecked")
    void forgedTokensAreRefusedBeforeTheirBodiesAreRead() throws Exception {
        var otherKeys = fr.hubag.localinfra.DevTokens.generateKeyPair();
        String forged = bearer(fr.hubag.localinfra.DevTokens.mint(otherKeys.getPrivate(), "mallory", "hub-admin",
                java.util.Set.of("GP", "GF", "MQ", "MF"), java.time.Duration.ofHours(1)));
        HeapWatch heap = new HeapWatch();
        List<Object> answers = Race.of(16, caller -> Upload.post(IMPORTS, forged, SIXTEEN_MIB));
        HeapWatch.Figures figures = heap.figures();
        System.out.printf("16 forged-token 16 MiB uploads refused; %s%n", figures);
        for (Object answer : answers) {
            assertThat(((HttpResponse<String>) answer).statusCode()).isEqualTo(401);
        }
        assertThat(figures.oldGenGrowthMiB()).as("%s", figures).isLessThan(32);
    }

    @Test
    @SuppressWarnings("unchecked")
    void authenticatedUploadsOf16MiBAreStreamedWholeWithoutBeingHeld() throws Exception {
        long crc = Upload.crc(SIXTEEN_MIB);
        List<String> callers = List.of(bearer(TestTokens.coordinator("MQ")), bearer(TestTokens.coordinator("GP")),
                bearer(TestTokens.coordinator("GF")), bearer(TestTokens.hubAdmin()));
        assertThat(Upload.post(IMPORTS, callers.get(0), 1024).statusCode()).isEqualTo(201);
        HeapWatch heap = new HeapWatch();
        long start = System.nanoTime();
        List<Object> answers = Race.of(callers.size(), caller -> Upload.post(IMPORTS, callers.get(caller), SIXTEEN_MIB));
        long millis = (System.nanoTime() - start) / 1_000_000;
        HeapWatch.Figures figures = heap.figures();
        System.out.printf("4 authenticated 16 MiB uploads (64 MiB) streamed in %d ms; %s%n", millis, figures);
        for (int i = 0; i < answers.size(); i++) {
            assertThat(answers.get(i)).isInstanceOf(HttpResponse.class);
            HttpResponse<String> response = (HttpResponse<String>) answers.get(i);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            JsonObject received = new JsonObject(response.body());
            assertThat(received.getLong("bytes")).isEqualTo(SIXTEEN_MIB);
            assertThat(received.getLong("crc")).isEqualTo(crc);
            assertThat(received.getString("authorization")).isEqualTo(callers.get(i));
        }
        assertThat(figures.oldGenGrowthMiB()).as("64 MiB went through; the gateway held none of it: %s", figures)
                .isLessThan(16);
    }

    @Test
    void aBodyOverItsEndpointsLimitIs413BeforeItIsRead() throws Exception {
        String token = TestTokens.coordinator("MQ");
        String head = "Host: localhost\r\nAuthorization: Bearer " + token + "\r\n";
        String tooLargeFile = Upload.raw("POST " + IMPORTS + " HTTP/1.1\r\n" + head + "Content-Type: text/csv\r\n"
                + "Content-Length: " + (SIXTEEN_MIB + 1) + "\r\n", 0);
        assertThat(tooLargeFile).startsWith("HTTP/1.1 413").contains("application/problem+json")
                .contains("\"code\":\"body-too-large\"").contains("16 MiB");
        String tooLargeCommand = Upload.raw("POST /api/actors HTTP/1.1\r\n" + head
                + "Content-Type: application/json\r\nContent-Length: " + (2 * MIB) + "\r\n", 0);
        assertThat(tooLargeCommand).startsWith("HTTP/1.1 413").contains("\"code\":\"body-too-large\"")
                .contains("1 MiB");
        // a chunked body declares no length: it is counted as it flows, and cut at the limit
        String chunked = Upload.raw("POST /api/actors HTTP/1.1\r\n" + head
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n", 40);
        assertThat(chunked).startsWith("HTTP/1.1 413").contains("\"code\":\"body-too-large\"");
        // anonymous: the token is checked first
        assertThat(Upload.raw("POST " + IMPORTS + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: "
                + (SIXTEEN_MIB + 1) + "\r\n", 0)).startsWith("HTTP/1.1 401");
    }
}
