package fr.hubag.projection.sessions.api;

import fr.hubag.domain.Territory;
import fr.hubag.projection.shared.Scope;
import fr.hubag.projection.shared.ScopeAccess;
import fr.hubag.servicekit.security.Caller;
import fr.hubag.servicekit.security.OutsideTerritory;
import fr.hubag.servicekit.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Which rows of the trajectories and referrals a caller reads; the endpoints check the roles. A territory's path
 * needs a token covering it (403 otherwise); the hub-wide path gives the rows of the territories the token covers
 * (a coordinator of two territories sees both; at least one, else 403). Among those rows, staff (coordinators, hub
 * admins) see every referral, a partner only its own (the token's subject, as the sessions service records it), a
 * mediator those assigned to an actor of their token's {@code actors} claim.
 */
final class FollowUpAccess {

    private FollowUpAccess() {}

    /** The territory codes the caller reads in {@code scope}. */
    static List<String> territories(SecurityIdentity identity, Scope scope) {
        Set<Territory> covered = identity.getPrincipal() instanceof JsonWebToken token
                ? Caller.territoriesOf(token) : Set.of();
        if (scope.territory().isPresent()) {
            Territory needed = scope.territory().get();
            if (!covered.contains(needed)) {
                throw new OutsideTerritory(needed);
            }
            return List.of(needed.name());
        }
        if (covered.isEmpty()) {
            throw new OutsideTerritory(Territory.values()[0]);
        }
        return covered.stream().map(Territory::name).sorted().toList();
    }

    static boolean staff(SecurityIdentity identity) {
        return identity.hasRole(Roles.COORDINATOR) || identity.hasRole(Roles.HUB_ADMIN);
    }

    /** The partner whose referrals the caller reads: its own subject for a partner, null for the others. */
    static String partner(SecurityIdentity identity) {
        return !staff(identity) && identity.hasRole(Roles.PARTNER) ? identity.getPrincipal().getName() : null;
    }

    /** The actors whose assigned referrals a mediator reads; null for the others. */
    static List<UUID> assignedTo(SecurityIdentity identity) {
        if (staff(identity) || identity.hasRole(Roles.PARTNER) || !identity.hasRole(Roles.MEDIATOR)) {
            return null;
        }
        return ScopeAccess.actors(identity);
    }
}
