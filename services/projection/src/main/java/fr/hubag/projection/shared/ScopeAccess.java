package fr.hubag.projection.shared;

import fr.hubag.domain.Territory;
import fr.hubag.servicekit.security.Caller;
import fr.hubag.servicekit.security.OutsideTerritory;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;

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

    public static void require(SecurityIdentity identity, Scope scope) {
        Set<Territory> covered = covered(identity);
        for (Territory needed : scope.territory().map(Set::of).orElse(Set.of(Territory.values()))) {
            if (!covered.contains(needed)) {
                throw new OutsideTerritory(needed);
            }
        }
    }
}
