package fr.hubag.sessions.application;

import fr.hubag.domain.Territory;
import fr.hubag.servicekit.security.Caller;
import fr.hubag.servicekit.security.Roles;
import fr.hubag.sessions.domain.SessionState;
import io.quarkus.security.ForbiddenException;

import java.util.UUID;

/**
 * Who may act on a session: hub admins and coordinators in the territories their token covers; a mediator only for
 * the actors of their token's {@code actors} claim (the structure that runs the session), in a territory they cover.
 * Checked again here whatever the gateway did, against the session's stored territory and actor.
 */
public final class SessionAccess {

    private SessionAccess() {}

    public static void requireMayActFor(Caller caller, Territory territory, UUID actorId) {
        caller.requireTerritory(territory);
        if (caller.hasRole(Roles.HUB_ADMIN) || caller.hasRole(Roles.COORDINATOR)) {
            return;
        }
        if (!caller.hasRole(Roles.MEDIATOR) || !caller.actors().contains(actorId.toString())) {
            throw new ForbiddenException("a mediator acts only for the actors named in their token's actors claim");
        }
    }

    /** The same check against a session as stored; an unknown session is left to the decider (404). */
    public static void requireMayActOn(Caller caller, SessionState state) {
        if (state instanceof SessionState.Scheduled session) {
            requireMayActFor(caller, session.territory(), session.actorId());
        }
    }
}
