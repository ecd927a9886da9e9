package fr.hubag.testing;

import fr.hubag.localinfra.DevTokens;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

/** Signed tokens for tests, the same shape as {@code ./hub token} mints, signed with the test key pair. */
public final class TestTokens {

    public static final String ISSUER = "urn:hubag:local";

    private TestTokens() {}

    public static String of(String role, String... territories) {
        return forSubject("user-" + UUID.randomUUID(), role, territories);
    }

    /** A token for a named user, so that per-caller state (idempotency keys) can be exercised. */
    public static String forSubject(String subject, String role, String... territories) {
        return DevTokens.mint(TestKeys.privateKey(), subject, role, Set.of(territories),
                Duration.ofHours(1));
    }

    /** A mediator of a territory who works at the given actor (claim {@code actors}). */
    public static String mediatorAt(String territory, String actorId) {
        return DevTokens.mint(TestKeys.privateKey(), "mediator-" + UUID.randomUUID(), "mediator",
                Set.of(territory), Set.of(actorId), Duration.ofHours(1));
    }

    public static String coordinator(String territory) { return of("coordinator", territory); }

    public static String hubAdmin() { return of("hub-admin", "GP", "GF", "MQ", "MF"); }

    public static String bearer(String token) { return "Bearer " + token; }
}
