package fr.hubag.actors.api;

import fr.hubag.testing.TestKeys;
import fr.hubag.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static fr.hubag.actors.api.ActorsTestSupport.as;
import static fr.hubag.actors.api.ActorsTestSupport.martiniqueActor;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * With its database unreachable the service answers 503 with Retry-After — the service's trouble, retry later —
 * never a 500 (issue 9, "Found" 5). The service here points at a port where no PostgreSQL listens.
 */
@QuarkusTest
@TestProfile(DatabaseDownTest.NoDatabase.class)
class DatabaseDownTest {

    public static class NoDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:1/actors",
                    "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:1/actors",
                    "quarkus.flyway.migrate-at-start", "false",
                    "hub.relay.enabled", "false",
                    "mp.jwt.verify.publickey.location", TestKeys.publicKeyFile().toUri().toString(),
                    "mp.jwt.verify.issuer", TestTokens.ISSUER);
        }
    }

    @Test
    void aCommandWhileTheDatabaseIsDownIsA503WithRetryAfter() {
        as(TestTokens.coordinator("MQ")).body(martiniqueActor("Cyber-base")).post("/api/actors")
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("code", equalTo("store-unavailable"));
    }

    @Test
    void aReadWhileTheDatabaseIsDownIsA503Too() {
        as(TestTokens.coordinator("MQ")).get("/api/actors/" + java.util.UUID.randomUUID())
                .then().statusCode(503).body("code", equalTo("store-unavailable"));
    }
}
