package fr.hubag.servicekit.security;

import fr.hubag.domain.Territory;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

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
        EnumSet<Territory> territories = EnumSet.noneOf(Territory.class);
        Object claim = token == null ? null : token.getClaim(TERRITORIES_CLAIM);
        if (claim instanceof Collection<?> values) {
            values.forEach(v -> Territory.parse(unquote(String.valueOf(v))).ifPresent(territories::add));
        } else if (claim != null) {
            Territory.parse(unquote(String.valueOf(claim))).ifPresent(territories::add);
        }
        return territories;
    }

    /** The actor ids named in the token's {@code actors} claim. */
    public Set<String> actors() {
        Object claim = token == null ? null : token.getClaim(ACTORS_CLAIM);
        Set<String> actors = new java.util.HashSet<>();
        if (claim instanceof Collection<?> values) {
            values.forEach(v -> actors.add(unquote(String.valueOf(v))));
        } else if (claim != null) {
            actors.add(unquote(String.valueOf(claim)));
        }
        return actors;
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
