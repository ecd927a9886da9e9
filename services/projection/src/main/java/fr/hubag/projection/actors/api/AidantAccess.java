package fr.hubag.projection.actors.api;

import fr.hubag.servicekit.security.Caller;
import fr.hubag.servicekit.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who sees an actor's aidants in full (enrolment, departure, trainings): the hub admins, coordinators and
 * mediators whose token covers the actor's territory: the people who run the network there. Everyone else, the
 * anonymous public included, sees the reduced view. The identity is resolved on demand because the endpoint is
 * open (authentication is lazy) and must not block the event loop.
 */
final class AidantAccess {

    private AidantAccess() {}

    static boolean fullView(SecurityIdentity identity, String actorTerritory) {
        if (identity == null || identity.isAnonymous()) {
            return false;
        }
        // a hub admin too sees in full only the territories their token covers, as the actors service decides
        boolean staff = identity.hasRole(Roles.HUB_ADMIN) || identity.hasRole(Roles.COORDINATOR)
                || identity.hasRole(Roles.MEDIATOR);
        return staff && identity.getPrincipal() instanceof JsonWebToken token
                && Caller.territoriesOf(token).stream().anyMatch(t -> t.name().equals(actorTerritory));
    }
}
