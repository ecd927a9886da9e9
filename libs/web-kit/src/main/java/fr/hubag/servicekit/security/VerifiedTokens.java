package fr.hubag.servicekit.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import javax.crypto.SecretKey;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens verified once, then remembered for a minute: a mediator's phone or a partner's batch sends the same
 * token with hundreds of requests, and the gateway and the service both verify it — RSA verification and JSON
 * parsing were a sixth of a command's CPU. Only a token whose signature and claims were verified is remembered,
 * keyed by its exact text (a tampered token is another key, and is verified); on every use its expiry is checked
 * again, and an entry is kept at most {@link #MAX_AGE}, so a change of signing key takes effect within a minute.
 * Bounded: past {@link #MAX_ENTRIES} tokens the memory is cleared and refilled.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    static final Duration MAX_AGE = Duration.ofMinutes(1);
    static final int MAX_ENTRIES = 10_000;

    private final JWTParser verifier;
    private final Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    private record Verified(JsonWebToken token, long until) {}

    @Inject
    public VerifiedTokens(JWTAuthContextInfo context) {
        this(new DefaultJWTParser(context), Clock.systemUTC());
    }

    VerifiedTokens(JWTParser verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    @Override
    public JsonWebToken parse(String bearerToken) throws ParseException {
        long now = clock.millis();
        Verified known = verified.get(bearerToken);
        if (known != null && now < known.until()) {
            return known.token();
        }
        JsonWebToken token = verifier.parse(bearerToken);
        if (verified.size() >= MAX_ENTRIES) {
            verified.clear();
        }
        long expires = token.getExpirationTime() * 1000;
        verified.put(bearerToken, new Verified(token, Math.min(expires, now + MAX_AGE.toMillis())));
        return token;
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
