package fr.hubag.projection.sessions.api;

import fr.hubag.domain.Territory;
import fr.hubag.projection.shared.Scope;
import fr.hubag.servicekit.security.Caller;
import fr.hubag.servicekit.security.OutsideTerritory;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;

/**
 * Who reads a scope's activity statistics: the roles are checked by the endpoint; the token must also cover the
 * territory (hub-wide figures: all four), as the sessions service decides for its own data. Analysts are among them
 * because the statistics are counts only.
 */
final class StatsAccess {

    private StatsAccess() {}

    static void require(SecurityIdentity identity, Scope scope) {
        Set<Territory> covered = identity.getPrincipal() instanceof JsonWebToken token
                ? Caller.territoriesOf(token) : Set.of();
        for (Territory needed : scope.territory().map(Set::of).orElse(Set.of(Territory.values()))) {
            if (!covered.contains(needed)) {
                throw new OutsideTerritory(needed);
            }
        }
    }
}
