package fr.hubag.projection.shared;

import fr.hubag.domain.Territory;
import fr.hubag.servicekit.security.Caller;
import fr.hubag.servicekit.security.OutsideTerritory;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Whether a caller's token covers a scope: its territory, or all four for the hub-wide read models (403
 * {@code outside-territory} otherwise). The roles are the endpoints' to check; this is the territory half of the
 * role × territory rule for read models that are not open data.
 */
public final class ScopeAccess {

    private ScopeAccess() {}

    /** The territories the caller's token covers (none for an anonymous caller). */
    public static Set<Territory> covered(SecurityIdentity identity) {
        return identity.getPrincipal() instanceof JsonWebToken token ? Caller.territoriesOf(token) : Set.of();
    }

    /** The actor ids of the token's {@code actors} claim (a mediator's actors); what is not an id names nothing. */
    public static List<UUID> actors(SecurityIdentity identity) {
        JsonWebToken token = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt : null;
        List<UUID> actors = new ArrayList<>();
        for (String actor : new Caller(identity, token).actors()) {
            try {
                actors.add(UUID.fromString(actor));
            } catch (IllegalArgumentException e) {
                // not an actor id: names nothing
            }
        }
        return actors;
    }

    public static void require(SecurityIdentity identity, Scope scope) {
        Set<Territory> covered = covered(identity);
        for (Territory needed : scope.territory().map(Set::of).orElse(Set.of(Territory.values()))) {
            if (!covered.contains(needed)) {
                throw new OutsideTerritory(needed);
            }
        }
    }
}
