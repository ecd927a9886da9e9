package fr.hubag.projection.sessions.api;

import fr.hubag.projection.shared.Scope;
import fr.hubag.projection.shared.ScopeAccess;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who reads a scope's activity statistics: the roles are checked by the endpoint; the token must also cover the
 * territory (hub-wide figures: all four), as the sessions service decides for its own data. Analysts are among them
 * because the statistics are counts only.
 */
final class StatsAccess {

    private StatsAccess() {}

    static void require(SecurityIdentity identity, Scope scope) {
        ScopeAccess.require(identity, scope);
    }
}
