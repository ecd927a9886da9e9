package fr.hubag.servicekit.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A verified token is remembered until it expires or for a minute at most; anything else is verified again. */
class VerifiedTokensTest {

    static final long NOW = Instant.parse("2026-11-27T12:00:00Z").getEpochSecond();

    static JsonWebToken expiringAt(long exp) {
        return new JsonWebToken() {
            @Override public String getName() { return "mediator-1"; }
            @Override public Set<String> getClaimNames() { return Set.of("exp"); }
            @SuppressWarnings("unchecked")
            @Override public <T> T getClaim(String claim) { return "exp".equals(claim) ? (T) Long.valueOf(exp) : null; }
        };
    }

    /** Verifies "good-N" tokens (expiring at N), refuses anything else, and counts its work. */
    static final class CountingVerifier extends DefaultJWTParser {
        final AtomicInteger verifications = new AtomicInteger();

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            verifications.incrementAndGet();
            if (!token.startsWith("good-")) {
                throw new ParseException("bad signature");
            }
            return expiringAt(Long.parseLong(token.substring(5)));
        }
    }

    static Clock at(long epochSecond) { return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC); }

    @Test
    void aTokenIsVerifiedOnceThenRemembered() throws Exception {
        CountingVerifier verifier = new CountingVerifier();
        VerifiedTokens tokens = new VerifiedTokens(verifier, at(NOW));
        JsonWebToken first = tokens.parse("good-" + (NOW + 3600));
        for (int i = 0; i < 100; i++) {
            assertSame(first, tokens.parse("good-" + (NOW + 3600)));
        }
        assertEquals(1, verifier.verifications.get());
    }

    @Test
    void aTamperedTokenIsAnotherTokenAndIsVerified() throws Exception {
        CountingVerifier verifier = new CountingVerifier();
        VerifiedTokens tokens = new VerifiedTokens(verifier, at(NOW));
        tokens.parse("good-" + (NOW + 3600));
        assertThrows(ParseException.class, () -> tokens.parse("forged-" + (NOW + 3600)));
    }

    @Test
    void anExpiredTokenIsNotServedFromMemory() throws Exception {
        CountingVerifier verifier = new CountingVerifier();
        String token = "good-" + (NOW + 30);
        new VerifiedTokens(verifier, at(NOW)).parse(token);
        VerifiedTokens later = new VerifiedTokens(verifier, at(NOW + 31));
        later.parse(token);
        assertEquals(2, verifier.verifications.get());
    }

    @Test
    void aLongLivedTokenIsVerifiedAgainAfterAMinute() throws Exception {
        CountingVerifier verifier = new CountingVerifier();
        MutableClock clock = new MutableClock(NOW);
        VerifiedTokens tokens = new VerifiedTokens(verifier, clock);
        String token = "good-" + (NOW + 43_200);
        tokens.parse(token);
        clock.now = NOW + 59;
        tokens.parse(token);
        clock.now = NOW + 61;
        tokens.parse(token);
        assertEquals(2, verifier.verifications.get());
    }

    static final class MutableClock extends Clock {
        long now;
        MutableClock(long now) { this.now = now; }
        @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return Instant.ofEpochSecond(now); }
    }
}
