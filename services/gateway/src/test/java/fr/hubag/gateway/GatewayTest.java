package fr.hubag.gateway;

import fr.hubag.testing.Metrics;
import fr.hubag.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static fr.hubag.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** The gateway's contract with callers: who gets through, what is forwarded, what comes back. */
@QuarkusTest
@QuarkusTestResource(RecordingBackend.class)
class GatewayTest {

    @Test
    void noTokenOrABadTokenIs401Problem() {
        given().get("/api/actors/123").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer").body("code", equalTo("unauthenticated"));
        given().header("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln").get("/api/actors/123")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aTokenSignedByAnotherKeyIs401() {
        var otherKeys = fr.hubag.localinfra.DevTokens.generateKeyPair();
        String forged = fr.hubag.localinfra.DevTokens.mint(otherKeys.getPrivate(), "mallory", "hub-admin",
                java.util.Set.of("GP", "GF", "MQ", "MF"), java.time.Duration.ofHours(1));
        given().header("Authorization", bearer(forged)).get("/api/actors/123").then().statusCode(401);
    }

    @Test
    void aTerritoryOutsideTheTokenIs403AtTheEdge() {
        given().header("Authorization", bearer(TestTokens.coordinator("GP")))
                .get("/api/vouchers/territories/MQ/orders")
                .then().statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("outside-territory"));
        given().header("Authorization", bearer(TestTokens.coordinator("GP")))
                .get("/api/actors?territory=MQ")
                .then().statusCode(403).body("code", equalTo("outside-territory"));
        given().header("Authorization", bearer(TestTokens.coordinator("GP")))
                .get("/api/vouchers/territories/GP/orders").then().statusCode(200);
    }

    @Test
    void theDirectoryOfPlacesIsOpenDataForAnyoneToRead() {
        given().get("/api/projection/territories/MQ/actors?q=cyber")
                .then().statusCode(200).body("uri", equalTo("/api/projection/territories/MQ/actors?q=cyber"))
                .body("headers.authorization", nullValue());
        given().get("/api/projection/hub/places.geojson").then().statusCode(200);
        given().get("/api/projection/territories/GF/sessions/agenda?theme=email").then().statusCode(200);
        given().get("/api/projection/hub/sessions/agenda").then().statusCode(200);
        // the sessions' statistics are for staff
        given().get("/api/projection/territories/GF/sessions/stats").then().statusCode(401);
        given().get("/api/projection/hub/sessions/stats").then().statusCode(401);
        given().header("Authorization", bearer(TestTokens.coordinator("GP")))
                .get("/api/projection/territories/MQ/export?format=csv").then().statusCode(200);
        // open for reading only, and only the directory
        given().contentType("application/json").body("{}").post("/api/projection/territories/MQ/actors")
                .then().statusCode(401);
        given().get("/api/projection/territories/MQ/secrets").then().statusCode(401);
        given().get("/api/actors/imports").then().statusCode(401);
    }

    @Test
    void forwardsThePathQueryBodyIdentityAndACorrelationId() {
        String token = TestTokens.coordinator("MQ");
        given().header("Authorization", bearer(token)).header("Idempotency-Key", "k-1")
                .header("If-Match", "\"2\"").header("X-Request-Id", "req-1")
                .header("X-Correlation-Id", "from-the-phone").contentType("application/json")
                .body("{\"name\":\"x\"}")
                .post("/api/actors?dryRun=false")
                .then().statusCode(201)
                .header("Location", "/api/actors/42")
                .header("ETag", "\"3\"")
                .header("Aidant-Id", "aidant-7")
                .header("X-Internal-Secret", nullValue())
                .body("method", equalTo("POST"))
                .body("uri", equalTo("/api/actors?dryRun=false"))
                .body("body", equalTo("{\"name\":\"x\"}"))
                .body("headers.authorization", equalTo("Bearer " + token))
                .body("headers.idempotency-key", equalTo("k-1"))
                .body("headers.if-match", equalTo("\"2\""))
                .body("headers.x-request-id", equalTo("req-1"))
                .body("headers.x-correlation-id", equalTo("from-the-phone"));
        given().header("Authorization", bearer(token)).get("/api/actors/1")
                .then().statusCode(200).header("X-Correlation-Id", notNullValue())
                .body("headers.x-correlation-id", notNullValue());
    }

    @Test
    void aRequestIdThatIsNotAnIdIsRefusedAtTheEdge() {
        given().header("Authorization", bearer(TestTokens.coordinator("MQ")))
                .header("X-Request-Id", "<html>" + "x".repeat(200) + "</html>")
                .contentType("application/json").body("{}").post("/api/actors")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("X-Request-Id"));
    }

    @Test
    void theTraceContinuesToTheServiceAndTheGatewayIsMeasured() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String forwarded = given().header("Authorization", bearer(TestTokens.coordinator("MQ")))
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .get("/api/actors/1").then().statusCode(200).extract().path("headers.traceparent");
        assertThat(forwarded).as("the service's request continues the caller's trace")
                .startsWith("00-" + traceId + "-").doesNotContain("00f067aa0ba902b7");
        String scrape = Metrics.scrape();
        assertThat(Metrics.has(scrape, "http_server_requests_seconds_count", "method", "GET")).isTrue();
        assertThat(Metrics.has(scrape, "hub_gateway_forwarded_seconds_count", "service", "actors", "status", "200"))
                .isTrue();
    }

    @Test
    void unknownAndUnreachableServicesAreProblems() {
        String token = TestTokens.hubAdmin();
        given().header("Authorization", bearer(token)).get("/api/payroll/x")
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("unknown-service"));
        given().header("Authorization", bearer(token)).get("/api/sessions/x")
                .then().statusCode(503).contentType("application/problem+json")
                .body("code", equalTo("service-unavailable")).header("Retry-After", "5");
    }

    @Test
    void servesOneMergedOpenApiWithoutAToken() {
        given().get("/api/openapi.json").then().statusCode(200)
                .body("info.title", containsString("Hub Antilles-Guyane"))
                .body("paths", hasKey("/api/actors"))
                .body("components.schemas", hasKey("ActorView"))
                .body("components.securitySchemes.jwt.scheme", equalTo("bearer"))
                .body("x-unavailable-services", equalTo(java.util.List.of("sessions")))
                .body("paths", not(hasKey("/api/{service}{rest}")))
                .body("paths.'/api/actors'.post.responses.'429'.$ref",
                        equalTo("#/components/responses/TooManyRequests"))
                .body("paths.'/api/actors'.post.responses.'413'.$ref",
                        equalTo("#/components/responses/ContentTooLarge"))
                .body("components.responses.TooManyRequests.headers", hasKey("Retry-After"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
