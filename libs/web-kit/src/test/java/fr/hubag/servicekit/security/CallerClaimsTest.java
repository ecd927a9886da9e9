package fr.hubag.servicekit.security;

import fr.hubag.domain.Territory;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The claims a caller is authorised by, read once per token (SmallRye throws an exception inside each read of a
 * claim outside the standard's list): each token still gets its own territories and actors, whatever was read before.
 */
class CallerClaimsTest {

    @Test
    void eachTokenGetsItsOwnTerritoriesAndActors() {
        Token mq = new Token("raw-mq-" + System.nanoTime(), Map.of("territories", List.of("\"MQ\""),
                "actors", List.of("a-1", "a-2")));
        Token hub = new Token("raw-hub-" + System.nanoTime(), Map.of("territories", List.of("GP", "GF", "MQ", "MF")));
        Token single = new Token("raw-one-" + System.nanoTime(), Map.of("territories", "GF"));

        assertEquals(Set.of(Territory.MQ), Caller.territoriesOf(mq));
        assertEquals(EnumSet.allOf(Territory.class), Caller.territoriesOf(hub));
        assertEquals(Set.of(Territory.GF), Caller.territoriesOf(single));
        assertEquals(Set.of("a-1", "a-2"), new Caller(null, mq).actors());
        assertEquals(Set.of(), new Caller(null, hub).actors());
        assertEquals(Set.of(), Caller.territoriesOf(null));
    }

    @Test
    void aTokensClaimsAreReadOnceWhateverTheNumberOfChecks() {
        Token token = new Token("raw-count-" + System.nanoTime(), Map.of("territories", List.of("MQ")));

        for (int i = 0; i < 100; i++) {
            assertEquals(Set.of(Territory.MQ), Caller.territoriesOf(token));
        }

        assertEquals(2, token.reads.get());   // territories and actors, once each
    }

    /** A verified token as SmallRye hands it over: its raw text and its claims. */
    private static final class Token implements JsonWebToken {
        private final String raw;
        private final Map<String, Object> claims;
        final AtomicInteger reads = new AtomicInteger();

        Token(String raw, Map<String, Object> claims) {
            this.raw = raw;
            this.claims = claims;
        }

        @Override public String getName() { return "subject"; }

        @Override public Set<String> getClaimNames() { return claims.keySet(); }

        @Override public String getRawToken() { return raw; }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            if (!claimName.equals(Claims.raw_token.name())) {
                reads.incrementAndGet();
            }
            return (T) claims.get(claimName);
        }
    }
}
