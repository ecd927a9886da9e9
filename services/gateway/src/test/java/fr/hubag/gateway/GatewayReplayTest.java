package fr.hubag.gateway;

import fr.hubag.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import static fr.hubag.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A kept-alive connection that the service closes just as the gateway sends on it: RecordingBackend drops every
 * request under /api/vouchers/closing that comes on a connection which served one before, as a service closing an
 * idle connection would. What may be sent twice is sent again on a new connection; what may not is a 503, and so
 * is a request whose connection closed only after a while.
 */
@QuarkusTest
@QuarkusTestResource(RecordingBackend.class)
class GatewayReplayTest {

    @Test
    void aReadWhoseConnectionClosesBeforeAnyAnswerIsSentAgainOnANewOne() throws Exception {
        int before = dropped();
        for (int i = 0; i < 5; i++) {
            staff().get("/api/vouchers/orders").then().statusCode(200); // a kept-alive connection that served one
            staff().get("/api/vouchers/closing/orders/" + i).then().statusCode(200)
                    .body("method", equalTo("GET")).body("uri", equalTo("/api/vouchers/closing/orders/" + i));
        }
        assertThat(dropped() - before).as("reads that met a closing connection, each answered all the same")
                .isEqualTo(5);
    }

    @Test
    void aCommandIsSentAgainOnlyWithoutABodyAndWithAnIdempotencyKey() throws Exception {
        staff().get("/api/vouchers/orders").then().statusCode(200); // a kept-alive connection that served one
        int before = dropped();
        staff().header("Idempotency-Key", "cancel-7").post("/api/vouchers/closing/orders/7/cancel")
                .then().statusCode(201).body("headers.idempotency-key", equalTo("cancel-7"));
        assertThat(dropped() - before).as("the first send met a closing connection").isEqualTo(1);

        staff().get("/api/vouchers/orders").then().statusCode(200);
        before = dropped();
        staff().post("/api/vouchers/closing/orders/8/cancel").then().statusCode(503)
                .contentType("application/problem+json").body("code", equalTo("service-unavailable"));
        assertThat(dropped() - before).as("sent once: the service may have applied it").isEqualTo(1);

        staff().get("/api/vouchers/orders").then().statusCode(200);
        before = dropped();
        staff().header("Idempotency-Key", "order-9").contentType("application/json").body("{\"quantity\":9}")
                .post("/api/vouchers/closing/orders").then().statusCode(503)
                .body("code", equalTo("service-unavailable"));
        assertThat(dropped() - before).as("a streamed body is not kept to be sent again").isEqualTo(1);
    }

    @Test
    void aReadWhoseConnectionClosesAfterASecondIsNotSentAgain() throws Exception {
        int before = dropped();
        staff().get("/api/vouchers/dying/orders/1").then().statusCode(503)
                .contentType("application/problem+json").body("code", equalTo("service-unavailable"));
        assertThat(dropped() - before).as("the service may have died of it: not sent to it again").isEqualTo(1);
    }

    private static RequestSpecification staff() {
        return given().header("Authorization", bearer(TestTokens.coordinator("MQ")));
    }

    /** Requests the backend dropped so far. */
    private static int dropped() throws Exception {
        return Integer.parseInt(RecordingBackend.ask("/test/dropped"));
    }
}
