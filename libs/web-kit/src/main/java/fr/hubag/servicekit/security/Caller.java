package fr.hubag.servicekit.security;

import fr.hubag.domain.Territory;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The authenticated caller as this platform sees it: subject, roles and the territories their token covers
 * (claim {@code territories}). Services check the territory themselves even though the gateway already did
 * (defence in depth: a service reached directly keeps the same rule).
 */
@RequestScoped
public class Caller {

    public static final String TERRITORIES_CLAIM = "territories";
    /** The actors (places) a mediator works at: what they may update about their own place. */
    public static final String ACTORS_CLAIM = "actors";

    /** Tokens whose claims were read, by their raw text (see {@link #claimsOf}). */
    private static final int REMEMBERED = 10_000;
    private static final Map<String, Claimed> CLAIMED = new ConcurrentHashMap<>();

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public String subject() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) { return identity.hasRole(role); }

    public Set<Territory> territories() {
        return territoriesOf(token);
    }

    /** The territories a token covers; usable where the identity was resolved without blocking (the gateway). */
    public static Set<Territory> territoriesOf(JsonWebToken token) {
        return token == null ? Set.of() : claimsOf(token).territories();
    }

    /** The actor ids named in the token's {@code actors} claim. */
    public Set<String> actors() {
        return token == null ? Set.of() : claimsOf(token).actors();
    }

    /**
     * What this platform reads from a token, read once per token: SmallRye's {@code getClaim} of a claim outside the
     * standard's list throws and catches an exception (its {@code Claims.valueOf}) each time — two per call, the
     * first cost of a request on the gateway and the services under load. A token is immutable and its raw text
     * names it; the remembered ones are dropped together when they pass {@link #REMEMBERED} (tokens live minutes).
     */
    private static Claimed claimsOf(JsonWebToken token) {
        String raw = token.getRawToken();
        Claimed claimed = raw == null ? null : CLAIMED.get(raw);
        if (claimed == null) {
            claimed = new Claimed(territoriesIn(token.getClaim(TERRITORIES_CLAIM)),
                    Set.copyOf(valuesIn(token.getClaim(ACTORS_CLAIM))));
            if (raw != null) {
                if (CLAIMED.size() >= REMEMBERED) {
                    CLAIMED.clear();
                }
                CLAIMED.put(raw, claimed);
            }
        }
        return claimed;
    }

    private record Claimed(Set<Territory> territories, Set<String> actors) {}

    private static Set<Territory> territoriesIn(Object claim) {
        EnumSet<Territory> territories = EnumSet.noneOf(Territory.class);
        valuesIn(claim).forEach(v -> Territory.parse(v).ifPresent(territories::add));
        return Collections.unmodifiableSet(territories);
    }

    private static List<String> valuesIn(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(v -> unquote(String.valueOf(v))).toList();
        }
        return claim == null ? List.of() : List.of(unquote(String.valueOf(claim)));
    }

    public boolean isAnonymous() { return identity.isAnonymous(); }

    public boolean covers(Territory territory) {
        return territories().contains(territory);
    }

    /** Throws {@link OutsideTerritory} (403) unless the token covers the territory. */
    public void requireTerritory(Territory territory) {
        if (!covers(territory)) {
            throw new OutsideTerritory(territory);
        }
    }

    /** Throws {@link OutsideTerritory} (403) unless the token covers all four territories: hub-wide operations. */
    public void requireEveryTerritory() {
        for (Territory territory : Territory.values()) {
            requireTerritory(territory);
        }
    }

    private static String unquote(String value) {
        return value.length() > 1 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
