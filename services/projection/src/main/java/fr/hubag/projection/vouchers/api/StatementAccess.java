package fr.hubag.projection.vouchers.api;

import fr.hubag.projection.shared.Scope;
import fr.hubag.projection.shared.ScopeAccess;
import fr.hubag.servicekit.security.Roles;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;

import java.util.List;
import java.util.UUID;

/**
 * Who reads the actors' statements, as the vouchers service decides for the statements themselves: hub admins and
 * coordinators every actor's of the scope, a mediator only those of the actors its token names ({@code actors}),
 * each with a token covering the scope (hub: all four). Funders and analysts do not: a statement names an actor
 * and what it is owed (the consolidation adds the statements up for analysts, per month).
 */
final class StatementAccess {

    private StatementAccess() {}

    /** The actors whose statements the caller reads in the scope: null for every actor. */
    static List<UUID> actors(SecurityIdentity identity, Scope scope) {
        ScopeAccess.require(identity, scope);
        if (identity.hasRole(Roles.HUB_ADMIN) || identity.hasRole(Roles.COORDINATOR)) {
            return null;
        }
        if (!identity.hasRole(Roles.MEDIATOR)) {
            throw new ForbiddenException();
        }
        return ScopeAccess.actors(identity);
    }

    /** The actors to list: the one asked for (403 if the caller may not read it), else all the caller reads. */
    static List<UUID> only(List<UUID> readable, UUID asked) {
        if (asked == null) {
            return readable;
        }
        if (readable != null && !readable.contains(asked)) {
            throw new ForbiddenException();
        }
        return List.of(asked);
    }
}
